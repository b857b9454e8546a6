package dev.orderclock.channels.alipay;

import dev.orderclock.order.OrderId;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.ChannelRefusedException;
import dev.orderclock.payment.CloseAnswer;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.RefundAnswer;
import dev.orderclock.payment.RefundRequest;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's reading of every answer Alipay gives, over a canned gateway. */
class AlipayChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-24T11:20:00Z");
    private static final String SYSTEM_ERROR =
            "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.SYSTEM_ERROR\",\"sub_msg\":\"系统错误\"}";
    private static final String UNKNOWN_ERROR =
            "{\"code\":\"20000\",\"msg\":\"Service Currently Unavailable\",\"sub_code\":\"isp.unknow-error\",\"sub_msg\":\"系统繁忙\"}";
    private static final String NOT_EXIST =
            "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"}";
    private static final String STATUS_ERROR =
            "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_STATUS_ERROR\",\"sub_msg\":\"交易状态不合法\"}";

    private final CannedGateway gateway = new CannedGateway();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AlipayChannel alipay = new AlipayChannel(
            TestKeys.account(),
            () -> URI.create("http://alipay.test/gateway.do"),
            () -> "https://shop.example/api/payments/alipay/notify",
            gateway,
            InstantSource.fixed(NOW),
            meters);

    @Test
    void opensATradeThatExpiresAtTheOrdersDeadlineInAlipaysTerms() {
        gateway.answeringNode(
                "{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T-1\",\"qr_code\":\"https://qr.alipay.com/bax1\"}");
        long orderId = 123456789L;

        OpenedTrade trade = alipay.open(new TradeRequest(
                "T-1", orderId, new BigDecimal("19.98"), "Green tea", Instant.parse("2026-11-24T11:50:00.123Z")));

        assertThat(trade)
                .isEqualTo(new OpenedTrade("T-1", "https://qr.alipay.com/bax1", Instant.parse("2026-11-24T11:50:00Z")));
        CannedGateway.Posted call = gateway.last();
        assertThat(call.method()).isEqualTo("alipay.trade.precreate");
        assertThat(call.params()).containsEntry("notify_url", "https://shop.example/api/payments/alipay/notify");
        assertThat(call.biz().path("out_trade_no").asText()).isEqualTo("T-1");
        assertThat(call.biz().path("total_amount").asText()).isEqualTo("19.98");
        assertThat(call.biz().path("total_amount").isTextual()).isTrue();
        assertThat(call.biz().path("time_expire").asText()).isEqualTo("2026-11-24 19:50:00");
        assertThat(call.biz().path("body").asText()).isEqualTo(OrderId.format(orderId));
        assertThat(call.uri().toString()).startsWith("http://alipay.test/gateway.do?");
    }

    @Test
    void openingFailsLoudlyWhenRefusedOrUnanswered() {
        TradeRequest request = new TradeRequest("T-1", 1, BigDecimal.ONE, "tea", NOW.plusSeconds(60));

        gateway.answeringNode("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_HAS_CLOSE\"}");
        assertThatThrownBy(() -> alipay.open(request))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("ACQ.TRADE_HAS_CLOSE");

        gateway.answering(posted -> {
            throw new HttpTimeoutException("request timed out");
        });
        assertThatThrownBy(() -> alipay.open(request))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void aRefusalAskingAgainCannotChangeIsFinalButASystemErrorIsNot() {
        TradeRequest request = new TradeRequest("T-1", 1, new BigDecimal("200000000"), "tea", NOW.plusSeconds(60));

        gateway.answeringNode("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TOTAL_FEE_EXCEED\"}");
        assertThatThrownBy(() -> alipay.open(request))
                .isInstanceOf(ChannelRefusedException.class)
                .hasMessageContaining("ACQ.TOTAL_FEE_EXCEED");
        gateway.answeringNode(
                "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-parameter\"}");
        assertThatThrownBy(() -> alipay.open(request)).isInstanceOf(ChannelRefusedException.class);
        gateway.answeringNode("{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.SYSTEM_ERROR\"}");
        assertThatThrownBy(() -> alipay.open(request)).isNotInstanceOf(ChannelRefusedException.class);
        gateway.answeringNode(
                "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_HAS_SUCCESS\"}");
        assertThatThrownBy(() -> alipay.open(request)).isNotInstanceOf(ChannelRefusedException.class);
    }

    @Test
    void aTradeNamingAnotherCurrencyIsMismatched() {
        assertThat(
                        queryAnswering(
                                "{\"code\":\"10000\",\"trade_no\":\"2026\",\"trade_status\":\"TRADE_SUCCESS\","
                                        + "\"total_amount\":\"19.98\",\"trans_currency\":\"USD\",\"send_pay_date\":\"2026-11-24 19:49:59\"}"))
                .isEqualTo(new TradeState.Mismatched(
                        "currency USD",
                        new TradeState.Paid("2026", new BigDecimal("19.98"), Instant.parse("2026-11-24T11:49:59Z"))));
        assertThat(queryAnswering("{\"code\":\"10000\",\"trade_status\":\"WAIT_BUYER_PAY\",\"total_amount\":\"19.98\","
                        + "\"trans_currency\":\"CNY\"}"))
                .isEqualTo(new TradeState.Waiting());
    }

    @Test
    void readsEachTradeStatus() {
        assertThat(queryAnswering(
                        "{\"code\":\"10000\",\"trade_status\":\"WAIT_BUYER_PAY\",\"total_amount\":\"19.98\"}"))
                .isEqualTo(new TradeState.Waiting());
        assertThat(
                        queryAnswering(
                                "{\"code\":\"10000\",\"trade_no\":\"2026\",\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"19.98\",\"send_pay_date\":\"2026-11-24 19:49:59\"}"))
                .isEqualTo(new TradeState.Paid("2026", new BigDecimal("19.98"), Instant.parse("2026-11-24T11:49:59Z")));
        assertThat(
                        queryAnswering(
                                "{\"code\":\"10000\",\"trade_no\":\"2026\",\"trade_status\":\"TRADE_FINISHED\",\"total_amount\":\"19.98\"}"))
                .isInstanceOf(TradeState.Paid.class);
        assertThat(queryAnswering("{\"code\":\"10000\",\"trade_status\":\"TRADE_CLOSED\",\"total_amount\":\"19.98\"}"))
                .isEqualTo(new TradeState.Closed());
    }

    @Test
    void aTradeAlipayDoesNotKnowIsNotFoundNotClosed() {
        assertThat(queryAnswering(NOT_EXIST)).isEqualTo(new TradeState.NotFound());
    }

    @Test
    void systemErrorsSilenceAndForgeriesAreUnknown() {
        assertThat(queryAnswering(SYSTEM_ERROR)).isInstanceOf(TradeState.Unknown.class);
        assertThat(queryAnswering(UNKNOWN_ERROR)).isInstanceOf(TradeState.Unknown.class);

        gateway.answering(posted -> new GatewayTransport.Reply(502, "<html>Bad Gateway</html>"));
        assertThat(alipay.query("T-1")).isInstanceOf(TradeState.Unknown.class);

        gateway.answering(posted -> {
            throw new HttpTimeoutException("request timed out");
        });
        assertThat(alipay.query("T-1")).isInstanceOf(TradeState.Unknown.class);

        String forged = "{\"code\":\"10000\",\"trade_status\":\"TRADE_CLOSED\"}";
        gateway.answering(posted -> new GatewayTransport.Reply(
                200,
                "{\"alipay_trade_query_response\":" + forged + ",\"sign\":\""
                        + Rsa2.sign(forged, TestKeys.MERCHANT.getPrivate()) + "\"}"));
        assertThat(alipay.query("T-1")).isInstanceOf(TradeState.Unknown.class);
    }

    @Test
    void readsEachCloseAnswer() {
        assertThat(closeAnswering("{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T-1\"}"))
                .isEqualTo(new CloseAnswer.Closed());
        assertThat(closeAnswering(NOT_EXIST)).isEqualTo(new CloseAnswer.NotFound());
        assertThat(closeAnswering(STATUS_ERROR)).isEqualTo(new CloseAnswer.AlreadyPaid());
        assertThat(closeAnswering(SYSTEM_ERROR)).isInstanceOf(CloseAnswer.Unknown.class);
        assertThat(closeAnswering(UNKNOWN_ERROR)).isInstanceOf(CloseAnswer.Unknown.class);
    }

    @Test
    void refundsWithTheFixedRequestNumberAndReadsWhetherMoneyMoved() {
        RefundRequest request = new RefundRequest("T-1", "T-1-R", new BigDecimal("19.98"), "closed order");

        gateway.answeringNode(
                "{\"code\":\"10000\",\"fund_change\":\"Y\",\"refund_fee\":\"19.98\",\"gmt_refund_pay\":\"2026-11-24 19:55:00\"}");
        assertThat(alipay.refund(request)).isEqualTo(new RefundAnswer.Refunded(Instant.parse("2026-11-24T11:55:00Z")));
        assertThat(gateway.last().biz().path("out_request_no").asText()).isEqualTo("T-1-R");
        assertThat(gateway.last().biz().path("refund_amount").asText()).isEqualTo("19.98");

        gateway.answeringNode("{\"code\":\"10000\",\"fund_change\":\"N\",\"refund_fee\":\"19.98\"}");
        assertThat(alipay.refund(request)).isEqualTo(new RefundAnswer.Processing());

        gateway.answeringNode(NOT_EXIST);
        assertThat(alipay.refund(request)).isEqualTo(new RefundAnswer.NotFound());

        gateway.answeringNode(SYSTEM_ERROR);
        assertThat(alipay.refund(request)).isInstanceOf(RefundAnswer.Unknown.class);
    }

    @Test
    void readsARefundQuery() {
        gateway.answeringNode(
                "{\"code\":\"10000\",\"out_request_no\":\"T-1-R\",\"refund_amount\":\"19.98\",\"refund_status\":\"REFUND_SUCCESS\",\"gmt_refund_pay\":\"2026-11-24 19:55:00\"}");
        assertThat(alipay.refundStatus("T-1", "T-1-R"))
                .isEqualTo(new RefundAnswer.Refunded(Instant.parse("2026-11-24T11:55:00Z")));
        assertThat(gateway.last().biz().path("query_options").toString()).contains("gmt_refund_pay");

        gateway.answeringNode("{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"T-1\"}");
        assertThat(alipay.refundStatus("T-1", "T-1-R")).isEqualTo(new RefundAnswer.NotFound());

        gateway.answeringNode("{\"code\":\"10000\",\"out_request_no\":\"T-1-R\",\"refund_amount\":\"19.98\"}");
        assertThat(alipay.refundStatus("T-1", "T-1-R")).isEqualTo(new RefundAnswer.Processing());

        gateway.answeringNode(SYSTEM_ERROR);
        assertThat(alipay.refundStatus("T-1", "T-1-R")).isInstanceOf(RefundAnswer.Unknown.class);
    }

    @Test
    void timesEveryCallByMethodAndOutcome() {
        queryAnswering(SYSTEM_ERROR);
        closeAnswering("{\"code\":\"10000\"}");

        assertThat(meters.get("orderclock.channel.calls")
                        .tags("channel", "alipay", "method", "alipay.trade.query", "outcome", "refused")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("orderclock.channel.calls")
                        .tags("method", "alipay.trade.close", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    private TradeState queryAnswering(String node) {
        gateway.answeringNode(node);
        return alipay.query("T-1");
    }

    private CloseAnswer closeAnswering(String node) {
        gateway.answeringNode(node);
        return alipay.close("T-1");
    }
}
