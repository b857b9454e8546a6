package dev.orderclock.channels.alipay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayResponseTest {

    private static final String METHOD = "alipay.trade.query";

    @Test
    void readsAnAnswerSignedOverItsNodeText() throws Exception {
        String node =
                "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"19.98\"}";

        GatewayResponse answer = GatewayResponse.verify(
                METHOD, signed("alipay_trade_query_response", node), TestKeys.PLATFORM.getPublic());

        assertThat(answer.isSuccess()).isTrue();
        assertThat(answer.text("trade_status")).isEqualTo("TRADE_SUCCESS");
        assertThat(answer.subCode()).isNull();
    }

    @Test
    void readsABusinessFailure() throws Exception {
        String node =
                "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"}";

        GatewayResponse answer = GatewayResponse.verify(
                METHOD, signed("alipay_trade_query_response", node), TestKeys.PLATFORM.getPublic());

        assertThat(answer.isSuccess()).isFalse();
        assertThat(answer.subCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThat(answer.describe()).contains("40004", "ACQ.TRADE_NOT_EXIST");
    }

    @Test
    void acceptsSlashesEscapedAfterSigningAsTheSdkDoes() throws Exception {
        String unescaped = "{\"code\":\"10000\",\"qr_code\":\"https://qr.alipay.com/bax1\"}";
        String sign = Rsa2.sign(unescaped, TestKeys.PLATFORM.getPrivate());
        String body =
                "{\"alipay_trade_query_response\":" + unescaped.replace("/", "\\/") + ",\"sign\":\"" + sign + "\"}";

        GatewayResponse answer = GatewayResponse.verify(METHOD, body, TestKeys.PLATFORM.getPublic());

        assertThat(answer.text("qr_code")).isEqualTo("https://qr.alipay.com/bax1");
    }

    @Test
    void readsTheOldErrorRoot() throws Exception {
        String node = "{\"code\":\"40002\",\"msg\":\"Invalid Arguments\",\"sub_code\":\"isv.invalid-app-id\"}";

        GatewayResponse answer =
                GatewayResponse.verify(METHOD, signed("error_response", node), TestKeys.PLATFORM.getPublic());

        assertThat(answer.subCode()).isEqualTo("isv.invalid-app-id");
    }

    @Test
    void refusesAnswersThatCannotBeTrusted() {
        String node = "{\"code\":\"10000\",\"trade_status\":\"WAIT_BUYER_PAY\"}";
        String good = signed("alipay_trade_query_response", node);
        String[] bad = {
            good.replace("WAIT_BUYER_PAY", "TRADE_SUCCESS"),
            "{\"alipay_trade_query_response\":" + node + "}",
            signed("alipay_trade_close_response", node),
            "<html>502 Bad Gateway</html>",
            "",
            "{\"alipay_trade_query_response\":" + node + ",\"sign\":\""
                    + Rsa2.sign(node, TestKeys.MERCHANT.getPrivate()) + "\"}",
        };
        for (String body : bad) {
            assertThatThrownBy(() -> GatewayResponse.verify(METHOD, body, TestKeys.PLATFORM.getPublic()))
                    .as(body)
                    .isInstanceOf(UnverifiedResponseException.class);
        }
    }

    static String signed(String root, String node) {
        return "{\"" + root + "\":" + node + ",\"sign\":\"" + Rsa2.sign(node, TestKeys.PLATFORM.getPrivate()) + "\"}";
    }
}
