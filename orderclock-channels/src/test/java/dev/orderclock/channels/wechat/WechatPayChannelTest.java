package dev.orderclock.channels.wechat;

import dev.orderclock.channels.alipay.TestKeys;
import dev.orderclock.payment.ChannelException;
import dev.orderclock.payment.ChannelRefusedException;
import dev.orderclock.payment.CloseAnswer;
import dev.orderclock.payment.OpenedTrade;
import dev.orderclock.payment.RefundAnswer;
import dev.orderclock.payment.RefundRequest;
import dev.orderclock.payment.TradeRequest;
import dev.orderclock.payment.TradeState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapter's calls and its reading of every answer WeChat Pay gives, over a canned WeChat Pay. */
class WechatPayChannelTest {

    private static final Instant NOW = Instant.parse("2026-11-24T11:20:00Z");
    private static final String MCHID = "1900000109";
    private static final String PAID = """
            {"appid":"wxd678efh567hg6787","mchid":"1900000109","out_trade_no":"T_000001","transaction_id":"4200002026",
             "trade_state":"SUCCESS","success_time":"2026-11-24T19:49:59+08:00","amount":{"total":1998,"currency":"CNY"}}""";

    static WechatAccount account() {
        return new WechatAccount(
                MCHID,
                "wxd678efh567hg6787",
                "5157F09EFDC096DE15EBE81A47057A72",
                TestKeys.MERCHANT.getPrivate(),
                new ApiV3Cipher("0123456789abcdefghijklmnopqrstuv"),
                TestKeys.PLATFORM.getPublic(),
                CannedWechatPay.PUBLIC_KEY_ID);
    }

    private final CannedWechatPay wechat = new CannedWechatPay(NOW);
    private final WechatPayChannel channel = new WechatPayChannel(
            account(),
            () -> "https://api.mch.weixin.qq.com",
            () -> "https://shop.example/api/payments/wechat/notify",
            wechat,
            InstantSource.fixed(NOW),
            new SimpleMeterRegistry());

    @Test
    void opensANativeTradeInFenThatExpiresAtTheOrdersDeadlineSignedWithTheMerchantKey() throws Exception {
        wechat.answering(200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=abc\"}");

        OpenedTrade trade = channel.open(new TradeRequest(
                "T_000001", 42, new BigDecimal("19.98"), "Green tea", Instant.parse("2026-11-24T11:50:00.123Z")));

        assertThat(trade)
                .isEqualTo(new OpenedTrade(
                        "T_000001", "weixin://wxpay/bizpayurl?pr=abc", Instant.parse("2026-11-24T11:50:00Z")));
        CannedWechatPay.Sent sent = wechat.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.uri().toString()).isEqualTo("https://api.mch.weixin.qq.com/v3/pay/transactions/native");
        JsonNode body = new ObjectMapper().readTree(sent.body());
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(1998);
        assertThat(body.path("amount").path("total").isIntegralNumber()).isTrue();
        assertThat(body.path("time_expire").asText()).isEqualTo("2026-11-24T19:50:00+08:00");
        assertThat(body.path("mchid").asText()).isEqualTo(MCHID);
        assertThat(body.path("notify_url").asText()).isEqualTo("https://shop.example/api/payments/wechat/notify");
        Authorization authorization =
                Authorization.parse(sent.headers().get("Authorization")).orElseThrow();
        assertThat(authorization.mchid()).isEqualTo(MCHID);
        assertThat(authorization.serialNo()).isEqualTo("5157F09EFDC096DE15EBE81A47057A72");
        assertThat(authorization.timestamp()).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(WechatSignature.verify(
                        WechatSignature.requestMessage(
                                "POST",
                                "/v3/pay/transactions/native",
                                authorization.timestamp(),
                                authorization.nonce(),
                                sent.body()),
                        authorization.signature(),
                        TestKeys.MERCHANT.getPublic()))
                .isTrue();
    }

    @Test
    void aTradeOfAnotherMerchantOrInAnotherCurrencyIsMismatchedWithWhateverMoneyItTook() {
        TradeState.Paid money =
                new TradeState.Paid("4200002026", new BigDecimal("19.98"), Instant.parse("2026-11-24T11:49:59Z"));

        assertThat(query(200, PAID.replace("\"mchid\":\"1900000109\"", "\"mchid\":\"1900009999\"")))
                .isEqualTo(new TradeState.Mismatched("merchant 1900009999", money));
        assertThat(query(200, PAID.replace("\"currency\":\"CNY\"", "\"currency\":\"USD\"")))
                .isEqualTo(new TradeState.Mismatched("currency USD", money));
        assertThat(query(
                        200,
                        PAID.replace("\"currency\":\"CNY\"", "\"currency\":\"CNY\",\"payer_currency\":\"HKD\"")
                                .replace("SUCCESS", "NOTPAY")))
                .isEqualTo(new TradeState.Mismatched("payer_currency HKD", null));
    }

    @Test
    void aRefusalAskingAgainCannotChangeIsFinalButAnOutageIsNot() {
        TradeRequest request = new TradeRequest("T_000001", 1, BigDecimal.ONE, "tea", NOW.plusSeconds(60));

        wechat.answering(400, "{\"code\":\"PARAM_ERROR\",\"message\":\"amount.total too large\"}");
        assertThatThrownBy(() -> channel.open(request)).isInstanceOf(ChannelRefusedException.class);
        wechat.answering(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}");
        assertThatThrownBy(() -> channel.open(request))
                .isNotInstanceOf(ChannelRefusedException.class)
                .isInstanceOf(ChannelException.class);
        wechat.answering(403, "{\"code\":\"ORDERPAID\",\"message\":\"该订单已支付\"}");
        assertThatThrownBy(() -> channel.open(request)).isNotInstanceOf(ChannelRefusedException.class);
    }

    @Test
    void openingFailsLoudlyWhenRefusedOrUnanswered() {
        TradeRequest request = new TradeRequest("T_000001", 1, BigDecimal.ONE, "tea", NOW.plusSeconds(60));

        wechat.answering(400, "{\"code\":\"ORDERCLOSED\",\"message\":\"该订单已关闭\"}");
        assertThatThrownBy(() -> channel.open(request))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("ORDERCLOSED");

        wechat.failing(new HttpTimeoutException("request timed out"));
        assertThatThrownBy(() -> channel.open(request))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void readsEachTradeState() {
        assertThat(query(200, PAID))
                .isEqualTo(new TradeState.Paid(
                        "4200002026", new BigDecimal("19.98"), Instant.parse("2026-11-24T11:49:59Z")));
        assertThat(query(200, PAID.replace("SUCCESS", "REFUND"))).isInstanceOf(TradeState.Paid.class);
        assertThat(query(200, PAID.replace("SUCCESS", "NOTPAY"))).isEqualTo(new TradeState.Waiting());
        assertThat(query(200, PAID.replace("SUCCESS", "USERPAYING"))).isEqualTo(new TradeState.Waiting());
        assertThat(query(200, PAID.replace("SUCCESS", "CLOSED"))).isEqualTo(new TradeState.Closed());
        assertThat(query(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}"))
                .isEqualTo(new TradeState.NotFound());
        assertThat(query(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}"))
                .isInstanceOf(TradeState.Unknown.class);
        assertThat(query(200, PAID.replace("T_000001", "T_000002"))).isInstanceOf(TradeState.Unknown.class);
        assertThat(wechat.last().uri().toString())
                .isEqualTo("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/T_000001?mchid=1900000109");
        assertThat(wechat.last().method()).isEqualTo("GET");
    }

    @Test
    void anAnswerNotSignedByWechatPayIsNoAnswer() {
        wechat.answering(200, PAID).unsigned();
        assertThat(channel.query("T_000001")).isInstanceOf(TradeState.Unknown.class);

        wechat.answering(200, PAID).signedUnder("PUB_KEY_ID_SOMEONE_ELSE");
        assertThat(channel.query("T_000001")).isInstanceOf(TradeState.Unknown.class);

        wechat.answering(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}")
                .unsigned();
        assertThat(channel.query("T_000001")).isInstanceOf(TradeState.Unknown.class);
    }

    @Test
    void readsEachCloseAnswer() {
        assertThat(close(204, "")).isEqualTo(new CloseAnswer.Closed());
        assertThat(close(400, "{\"code\":\"ORDERPAID\",\"message\":\"订单已支付\"}"))
                .isEqualTo(new CloseAnswer.AlreadyPaid());
        assertThat(close(404, "{\"code\":\"ORDER_NOT_EXIST\",\"message\":\"订单不存在\"}"))
                .isEqualTo(new CloseAnswer.NotFound());
        assertThat(close(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}"))
                .isInstanceOf(CloseAnswer.Unknown.class);
        assertThat(wechat.last().uri().getPath()).isEqualTo("/v3/pay/transactions/out-trade-no/T_000001/close");
        assertThat(wechat.last().body()).isEqualTo("{\"mchid\":\"1900000109\"}");
    }

    @Test
    void refundsUnderTheFixedNumberAndReadsEachRefundStatus() throws Exception {
        RefundRequest request = new RefundRequest("T_000001", "RF_T_000001", new BigDecimal("19.98"), "paid twice");

        wechat.answering(200, "{\"status\":\"SUCCESS\",\"success_time\":\"2026-11-24T19:50:01+08:00\"}");
        assertThat(channel.refund(request)).isEqualTo(new RefundAnswer.Refunded(Instant.parse("2026-11-24T11:50:01Z")));
        JsonNode body = new ObjectMapper().readTree(wechat.last().body());
        assertThat(body.path("out_refund_no").asText()).isEqualTo("RF_T_000001");
        assertThat(body.path("amount").path("refund").asLong()).isEqualTo(1998);
        assertThat(body.path("amount").path("total").asLong()).isEqualTo(1998);

        wechat.answering(200, "{\"status\":\"PROCESSING\"}");
        assertThat(channel.refund(request)).isEqualTo(new RefundAnswer.Processing());
        wechat.answering(200, "{\"status\":\"ABNORMAL\"}");
        assertThat(channel.refund(request)).isInstanceOf(RefundAnswer.Unknown.class);
        wechat.answering(404, "{\"code\":\"RESOURCE_NOT_EXISTS\",\"message\":\"退款单不存在\"}");
        assertThat(channel.refundStatus("T_000001", "RF_T_000001")).isEqualTo(new RefundAnswer.NotFound());
        assertThat(wechat.last().uri().toString())
                .isEqualTo("https://api.mch.weixin.qq.com/v3/refund/domestic/refunds/RF_T_000001");
    }

    private TradeState query(int status, String body) {
        wechat.answering(status, body);
        return channel.query("T_000001");
    }

    private CloseAnswer close(int status, String body) {
        wechat.answering(status, body);
        return channel.close("T_000001");
    }
}
