package dev.orderclock.server.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.List;
import java.util.stream.Stream;

/**
 * The simulated buyer's routes of docs/API.md, described here rather than on the simulator's controller
 * (the simulator is a module of its own making): {@code POST /sim/trades/{tradeNo}/pay} answers the trade
 * as {@code GET} does, or a problem when the channel refuses; both answer 404 for a trade it never opened.
 * A trade's status is in its channel's own terms.
 */
final class SimulatedTrades {

    static final String TRADE = "/sim/trades/{tradeNo}";
    static final String PAY = "/sim/trades/{tradeNo}/pay";

    /** Alipay's {@code trade_status}, then WeChat Pay's {@code trade_state}, as docs/API.md lists them. */
    static final List<String> ALIPAY_STATUSES = List.of("WAIT_BUYER_PAY", "TRADE_SUCCESS", "TRADE_CLOSED");

    static final List<String> WECHAT_STATUSES = List.of("NOTPAY", "SUCCESS", "CLOSED", "REFUND");

    private SimulatedTrades() {}

    private static Schema<?> schema(OpenAPI openApi, Content content) {
        MediaType json = content.get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        String ref = json == null || json.getSchema() == null
                ? null
                : json.getSchema().get$ref();
        if (ref == null || openApi.getComponents().getSchemas() == null) {
            return null;
        }
        return openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @SafeVarargs
    @SuppressWarnings("unchecked")
    private static void enumerate(Schema<?> property, List<String>... values) {
        if (property != null) {
            ((Schema<String>) property)
                    .setEnum(Stream.of(values).flatMap(List::stream).toList());
        }
    }

    static void describe(OpenAPI openApi) {
        PathItem trade = openApi.getPaths().get(TRADE);
        PathItem pay = openApi.getPaths().get(PAY);
        if (trade == null || trade.getGet() == null || pay == null || pay.getPost() == null) {
            return; // the simulator is off: no such routes
        }
        ApiResponse shown = trade.getGet().getResponses().get("200");
        Content tradeContent = shown == null ? null : shown.getContent();
        Schema<?> tradeSchema = tradeContent == null ? null : schema(openApi, tradeContent);
        if (tradeSchema != null && tradeSchema.getProperties() != null) {
            enumerate(tradeSchema.getProperties().get("status"), ALIPAY_STATUSES, WECHAT_STATUSES);
            enumerate(tradeSchema.getProperties().get("channel"), List.of("alipay", "wechat"));
        }
        Operation paying = pay.getPost();
        paying.summary("The simulated buyer pays the trade")
                .description("The channel then notifies the shop"
                        + " asynchronously, in its own format, retrying on its own schedule.");
        paying.getResponses()
                .addApiResponse(
                        "200",
                        new ApiResponse()
                                .description("the channel accepted the payment (the trade open and not expired)")
                                .content(tradeContent));
        Problems.add(paying, 409, "payment-refused: the trade is closed, expired or already paid (tradeStatus)");
        Problems.add(paying, 404, "no simulated trade of that number");
        trade.getGet().summary("A simulated trade, its status in the channel's own terms");
        Problems.add(trade.getGet(), 404, "no simulated trade of that number");
    }
}
