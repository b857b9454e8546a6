package dev.orderclock.channels.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.parser.json.JsonConverter;
import com.alipay.api.request.AlipayTradeQueryRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed text of an answer, found as the SDK finds it: its own converter is the reference. */
class SignedNodeTest {

    private static final String ROOT = "alipay_trade_query_response";

    @Test
    void findsTheNodeTextExactlyAsTheSdkDoes() throws Exception {
        String[] bodies = {
            "{\"alipay_trade_query_response\":{\"code\":\"10000\",\"msg\":\"Success\"},\"sign\":\"abc\"}",
            "{\"alipay_trade_query_response\":{\"code\":\"10000\",\"subject\":\"a } b { \\\"c\\\" \\\\\",\"n\":{\"x\":[1,{\"y\":\"}\"}]}},\"sign\":\"abc\"}",
            "{\"alipay_trade_query_response\":{\"code\":\"40004\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\",\"sub_msg\":\"交易不存在\"},\"sign\":\"abc\"}",
            "{\"alipay_trade_query_response\":{\"qr_code\":\"https:\\/\\/qr.alipay.com\\/bax1\"},\"sign\":\"abc\",\"alipay_cert_sn\":\"x\"}",
        };
        for (String body : bodies) {
            assertThat(SignedNode.extract(body, ROOT)).as(body).isEqualTo(sdkSignedText(body));
        }
    }

    @Test
    void answersNullWhenTheNodeIsMissing() throws UnverifiedResponseException {
        assertThat(SignedNode.extract("{\"error_response\":{\"code\":\"40002\"},\"sign\":\"s\"}", ROOT))
                .isNull();
        assertThat(SignedNode.extract("{\"alipay_trade_query_response\":\"text\"}", ROOT))
                .isNull();
        assertThat(SignedNode.extract("{\"alipay_trade_query_response\":{\"code\":\"1", ROOT))
                .isNull();
    }

    @Test
    void refusesAnAnswerThatHoldsTheNodeTwice() {
        String body =
                "{\"alipay_trade_query_response\":{\"code\":\"40004\"},\"alipay_trade_query_response\":{\"code\":\"10000\"},\"sign\":\"s\"}";

        assertThatThrownBy(() -> SignedNode.extract(body, ROOT)).isInstanceOf(UnverifiedResponseException.class);
    }

    @Test
    void namesTheNodeAfterTheMethod() {
        assertThat(SignedNode.rootOf("alipay.trade.fastpay.refund.query"))
                .isEqualTo("alipay_trade_fastpay_refund_query_response");
    }

    private static String sdkSignedText(String body) throws AlipayApiException {
        return new JsonConverter()
                .getSignItem(new AlipayTradeQueryRequest(), body)
                .getSignSourceDate();
    }
}
