package dev.orderclock.channels.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Our RSA2 against the official SDK's: same signatures, byte for byte, and the same signed texts. */
class Rsa2Test {

    private static final String CONTENT =
            "app_id=2021000000000042&biz_content={\"out_trade_no\":\"ORD-1\",\"subject\":\"绿茶 & 红茶\"}"
                    + "&charset=utf-8&method=alipay.trade.query&sign_type=RSA2&timestamp=2026-11-24 19:20:00&version=1.0";

    @Test
    void signsExactlyAsTheSdkSigns() throws AlipayApiException {
        String ours = Rsa2.sign(CONTENT, TestKeys.MERCHANT.getPrivate());
        String sdks = AlipaySignature.rsaSign(CONTENT, TestKeys.merchantPrivate(), "utf-8", "RSA2");

        // PKCS#1 v1.5 signatures are deterministic: the same key and text give the same bytes.
        assertThat(ours).isEqualTo(sdks);
    }

    @Test
    void theSdkVerifiesWhatWeSignAndWeVerifyWhatTheSdkSigns() throws AlipayApiException {
        String ours = Rsa2.sign(CONTENT, TestKeys.PLATFORM.getPrivate());
        String sdks = AlipaySignature.rsaSign(CONTENT, TestKeys.platformPrivate(), "utf-8", "RSA2");

        assertThat(AlipaySignature.rsaCheck(CONTENT, ours, TestKeys.platformPublic(), "utf-8", "RSA2"))
                .isTrue();
        assertThat(Rsa2.verify(CONTENT, sdks, TestKeys.PLATFORM.getPublic())).isTrue();
    }

    @Test
    void aChangedTextAWrongKeyOrGarbageDoNotVerify() {
        String signature = Rsa2.sign(CONTENT, TestKeys.PLATFORM.getPrivate());

        assertThat(Rsa2.verify(CONTENT + " ", signature, TestKeys.PLATFORM.getPublic()))
                .isFalse();
        assertThat(Rsa2.verify(CONTENT, signature, TestKeys.MERCHANT.getPublic()))
                .isFalse();
        assertThat(Rsa2.verify(CONTENT, "not base64 at all!", TestKeys.PLATFORM.getPublic()))
                .isFalse();
        assertThat(Rsa2.verify(CONTENT, "", TestKeys.PLATFORM.getPublic())).isFalse();
    }

    @Test
    void theRequestTextIsTheSdksSortedNonEmptyParametersButSign() {
        Map<String, String> params = sampleParams();

        assertThat(Rsa2.content(params, Set.of("sign"))).isEqualTo(AlipaySignature.getSignContent(withoutSign(params)));
    }

    @Test
    void theNotificationTextLeavesOutSignAndSignTypeAsRsaCheckV1Does() {
        Map<String, String> params = sampleParams();

        String sdks = AlipaySignature.getSignCheckContentV1(new HashMap<>(params));

        assertThat(Rsa2.content(params, Set.of("sign", "sign_type")))
                .isEqualTo(sdks)
                .doesNotContain("sign_type");
    }

    private static Map<String, String> sampleParams() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("version", "1.0");
        params.put("sign", "c2lnbg==");
        params.put("sign_type", "RSA2");
        params.put("Zeta", "capital letters sort first");
        params.put("app_id", "2021000000000042");
        params.put("empty", "");
        params.put("fund_bill_list", "[{\"amount\":\"19.98\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        params.put("subject", "绿茶 a+b=c&d");
        return params;
    }

    private static Map<String, String> withoutSign(Map<String, String> params) {
        Map<String, String> copy = new HashMap<>(params);
        copy.remove("sign");
        return copy;
    }
}
