package dev.orderclock.channels.alipay;

import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayCallTest {

    private static final Instant NOW = Instant.parse("2026-11-24T11:20:00.789Z");

    @Test
    void theSdksVerifierAcceptsOurRequestSignature() throws Exception {
        GatewayCall call =
                GatewayCall.of(TestKeys.account(), "alipay.trade.precreate", biz(), "https://shop.example/notify", NOW);

        Map<String, String> received = call.parameters();

        // rsaCheckV2 leaves out only "sign": the rule for requests.
        assertThat(AlipaySignature.rsaCheckV2(new HashMap<>(received), TestKeys.merchantPublic(), "utf-8", "RSA2"))
                .isTrue();
    }

    @Test
    void laysOutTheCallAsTheSdkDoes() throws Exception {
        GatewayCall call =
                GatewayCall.of(TestKeys.account(), "alipay.trade.precreate", biz(), "https://shop.example/notify", NOW);

        Map<String, String> query = FormCodec.decode(call.query());
        Map<String, String> body = FormCodec.decode(call.body());

        assertThat(query)
                .containsOnlyKeys(
                        "app_id",
                        "method",
                        "format",
                        "charset",
                        "sign_type",
                        "timestamp",
                        "version",
                        "notify_url",
                        "sign");
        assertThat(query)
                .containsEntry("app_id", TestKeys.APP_ID)
                .containsEntry("method", "alipay.trade.precreate")
                .containsEntry("format", "JSON")
                .containsEntry("charset", "utf-8")
                .containsEntry("sign_type", "RSA2")
                .containsEntry("version", "1.0")
                .containsEntry("notify_url", "https://shop.example/notify")
                // 11:20 UTC is 19:20 in Shanghai; the milliseconds are dropped
                .containsEntry("timestamp", "2026-11-24 19:20:00");
        assertThat(body).containsOnlyKeys("biz_content");
        assertThat(new ObjectMapper()
                        .readTree(body.get("biz_content"))
                        .path("subject")
                        .asText())
                .isEqualTo("绿茶 & tea");
    }

    @Test
    void callsWithoutANotifyUrlLeaveItOut() {
        GatewayCall call =
                GatewayCall.of(TestKeys.account(), "alipay.trade.query", Map.of("out_trade_no", "T1"), null, NOW);

        assertThat(FormCodec.decode(call.query())).doesNotContainKey("notify_url");
    }

    private static Map<String, Object> biz() {
        Map<String, Object> biz = new LinkedHashMap<>();
        biz.put("out_trade_no", "ORD-7Q3K9ZP2M4-1");
        biz.put("total_amount", "19.98");
        biz.put("subject", "绿茶 & tea");
        return biz;
    }
}
