package dev.orderclock.channels.alipay;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.payment.InboundNotification;
import dev.orderclock.payment.InvalidNotificationException;
import dev.orderclock.payment.InvalidNotificationException.Reason;
import dev.orderclock.payment.PaymentNotification;
import dev.orderclock.payment.PaymentNotification.Kind;

import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Notifications signed by the SDK's own signer, and every way one can be bad. */
class AlipayNotificationReaderTest {

    private final AlipayNotificationReader reader = new AlipayNotificationReader(TestKeys.account());

    @Test
    void readsAGenuinePayment() {
        PaymentNotification read = reader.read(form(signedBySdk(payment(), TestKeys.PLATFORM)));

        assertThat(read.kind()).isEqualTo(Kind.PAID);
        assertThat(read.notifyId()).isEqualTo("2026112400222192001083031417862356");
        assertThat(read.tradeNo()).isEqualTo("ORD-7Q3K9ZP2M4-1");
        assertThat(read.channelTradeNo()).isEqualTo("2026112422001412345678901234");
        assertThat(read.amount()).isEqualTo(new BigDecimal("19.98"));
        assertThat(read.paidAt()).isEqualTo(Instant.parse("2026-11-24T11:49:59Z"));
    }

    @Test
    void closedAndFinishedTradesAreNeverPayments() {
        Map<String, String> closed = payment();
        closed.put("trade_status", "TRADE_CLOSED");
        Map<String, String> finished = payment();
        finished.put("trade_status", "TRADE_FINISHED");

        assertThat(reader.read(form(signedBySdk(closed, TestKeys.PLATFORM))).kind())
                .isEqualTo(Kind.CLOSED);
        assertThat(reader.read(form(signedBySdk(finished, TestKeys.PLATFORM))).kind())
                .isEqualTo(Kind.OTHER);
    }

    @Test
    void aPartialRefundIsARefundThoughTheTradeStillReadsSuccess() {
        Map<String, String> refund = payment();
        refund.put("refund_fee", "5.00");
        refund.put("out_biz_no", "R-1");
        refund.put("gmt_refund", "2026-11-24 20:00:00.123");

        PaymentNotification read = reader.read(form(signedBySdk(refund, TestKeys.PLATFORM)));

        assertThat(read.kind()).isEqualTo(Kind.REFUNDED);
        assertThat(read.amount()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void refusesAnUnsignedNotification() {
        assertRefused(form(payment()), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesANotificationSignedWithAnotherKey() {
        assertRefused(form(signedBySdk(payment(), TestKeys.MERCHANT)), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesATamperedAmount() {
        Map<String, String> signed = signedBySdk(payment(), TestKeys.PLATFORM);
        signed.put("total_amount", "0.01");

        assertRefused(form(signed), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesASha1Signature() {
        Map<String, String> signed = signedBySdk(payment(), TestKeys.PLATFORM);
        signed.put("sign_type", "RSA");

        assertRefused(form(signed), Reason.BAD_SIGNATURE);
    }

    @Test
    void refusesAnotherShopsNotificationThoughAlipaySignedIt() {
        Map<String, String> foreign = payment();
        foreign.put("app_id", "2021009999999999");

        assertRefused(form(signedBySdk(foreign, TestKeys.PLATFORM)), Reason.FOREIGN_MERCHANT);
    }

    @Test
    void refusesAnotherSellersNotificationWhenTheShopNamesItsSeller() {
        AlipayAccount account = TestKeys.account();
        AlipayNotificationReader checking = new AlipayNotificationReader(
                new AlipayAccount(account.appId(), account.merchantKey(), account.alipayKey(), "2088102177296610"));
        Map<String, String> foreign = payment();
        foreign.put("seller_id", "2088000000000001");
        Map<String, String> none = payment();
        none.remove("seller_id");

        assertThat(checking.read(form(signedBySdk(payment(), TestKeys.PLATFORM)))
                        .kind())
                .isEqualTo(Kind.PAID);
        for (Map<String, String> fields : List.of(foreign, none)) {
            assertThatThrownBy(() -> checking.read(form(signedBySdk(fields, TestKeys.PLATFORM))))
                    .isInstanceOfSatisfying(
                            InvalidNotificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.FOREIGN_MERCHANT));
        }
    }

    @Test
    void refusesANotificationInAnotherCurrencyWhereItNamesOne() {
        Map<String, String> dollars = payment();
        dollars.put("trans_currency", "USD");
        Map<String, String> yuan = payment();
        yuan.put("trans_currency", "CNY");

        assertRefused(form(signedBySdk(dollars, TestKeys.PLATFORM)), Reason.FOREIGN_CURRENCY);
        assertThat(reader.read(form(signedBySdk(yuan, TestKeys.PLATFORM))).kind())
                .isEqualTo(Kind.PAID);
    }

    @Test
    void refusesBodiesThatAreNotForms() {
        for (String body : new String[] {"", "   ", "{\"trade_status\":\"TRADE_SUCCESS\"}", "sign=%E4%zz", "a=1&a=2"}) {
            assertRefused(new InboundNotification(Map.of(), body), Reason.MALFORMED);
        }
    }

    @Test
    void refusesSignedNotificationsMissingWhatTheyMustSay() {
        Map<String, String> noTrade = payment();
        noTrade.remove("out_trade_no");
        Map<String, String> badAmount = payment();
        badAmount.put("total_amount", "19.989");
        Map<String, String> badTime = payment();
        badTime.put("gmt_payment", "2026-11-24T19:49:59");

        assertRefused(form(signedBySdk(noTrade, TestKeys.PLATFORM)), Reason.MALFORMED);
        assertRefused(form(signedBySdk(badAmount, TestKeys.PLATFORM)), Reason.MALFORMED);
        assertRefused(form(signedBySdk(badTime, TestKeys.PLATFORM)), Reason.MALFORMED);
    }

    private void assertRefused(InboundNotification notification, Reason reason) {
        assertThatThrownBy(() -> reader.read(notification))
                .as(notification.body())
                .isInstanceOfSatisfying(
                        InvalidNotificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** A trade_status_sync notification as Alipay documents it. */
    static Map<String, String> payment() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("gmt_create", "2026-11-24 19:20:00");
        fields.put("charset", "utf-8");
        fields.put("gmt_payment", "2026-11-24 19:49:59");
        fields.put("notify_time", "2026-11-24 19:50:00");
        fields.put("subject", "绿茶 & 红茶");
        fields.put("buyer_id", "2088102177846880");
        fields.put("invoice_amount", "19.98");
        fields.put("version", "1.0");
        fields.put("notify_id", "2026112400222192001083031417862356");
        fields.put("fund_bill_list", "[{\"amount\":\"19.98\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        fields.put("notify_type", "trade_status_sync");
        fields.put("out_trade_no", "ORD-7Q3K9ZP2M4-1");
        fields.put("total_amount", "19.98");
        fields.put("trade_status", "TRADE_SUCCESS");
        fields.put("trade_no", "2026112422001412345678901234");
        fields.put("auth_app_id", TestKeys.APP_ID);
        fields.put("receipt_amount", "19.98");
        fields.put("point_amount", "0.00");
        fields.put("app_id", TestKeys.APP_ID);
        fields.put("buyer_pay_amount", "19.98");
        fields.put("seller_id", "2088102177296610");
        return fields;
    }

    /** Signed the way Alipay signs, by the SDK's code: the V1 text (no sign, no sign_type), RSA2. */
    static Map<String, String> signedBySdk(Map<String, String> fields, KeyPair key) {
        try {
            String content = AlipaySignature.getSignCheckContentV1(new HashMap<>(fields));
            Map<String, String> signed = new LinkedHashMap<>(fields);
            signed.put("sign_type", "RSA2");
            signed.put("sign", AlipaySignature.rsaSign(content, RsaKeys.encode(key.getPrivate()), "utf-8", "RSA2"));
            return signed;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static InboundNotification form(Map<String, String> fields) {
        return new InboundNotification(
                Map.of("content-type", "application/x-www-form-urlencoded; charset=utf-8"), FormCodec.encode(fields));
    }
}
