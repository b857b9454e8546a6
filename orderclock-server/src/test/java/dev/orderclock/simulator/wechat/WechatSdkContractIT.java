package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.simulator.NotificationCatcher;
import dev.orderclock.simulator.SimApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayResponse;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import com.wechat.pay.java.service.refund.model.Status;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WeChat Pay's official SDK as the judge of the simulator: its {@code NativePayService} and
 * {@code RefundService}, configured with what the simulator's merchant platform hands out and their
 * OkHttp client pointed at the simulator, run prepay, query, close, refund and refund query and accept
 * every signed answer; its {@code NotificationParser} verifies and decrypts every notification the
 * simulator sends. No certificate is downloaded: the SDK runs in public-key mode.
 */
@RunningServer
class WechatSdkContractIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();
    private static final String WECHAT_API = "https://api.mch.weixin.qq.com";

    @LocalServerPort
    int port;

    SimApi sim;
    JsonNode console;
    RSAPublicKeyConfig config;
    NativePayService nativePay;
    RefundService refunds;

    @BeforeEach
    void setUp() {
        sim = new SimApi(new Api(port));
        console = sim.wechatConsole();
        config = new RSAPublicKeyConfig.Builder()
                .merchantId(console.path("mchid").asText())
                .privateKey(console.path("privateKey").asText())
                .merchantSerialNumber(console.path("merchantSerial").asText())
                .publicKey(console.path("publicKey").asText())
                .publicKeyId(console.path("publicKeyId").asText())
                .apiV3Key(console.path("apiV3Key").asText())
                .build();
        var http = new DefaultHttpClientBuilder()
                .config(config)
                .okHttpClient(toSimulator(console.path("baseUrl").asText()))
                .build();
        nativePay = new NativePayService.Builder().httpClient(http).build();
        refunds = new RefundService.Builder().httpClient(http).build();
    }

    @AfterEach
    void noFaults() {
        sim.noFaults();
    }

    @AfterAll
    static void closeShop() {
        SHOP.close();
    }

    @Test
    void theSdkPrepaysANativeTradeAndReadsItsCodeUrl() {
        String tradeNo = newTradeNo();

        PrepayResponse response = prepay(tradeNo, 1998);

        assertThat(response.getCodeUrl()).endsWith("/sim/trades/" + tradeNo + "/pay");
        JsonNode trade = sim.trade(tradeNo);
        assertThat(trade.path("channel").asText()).isEqualTo("wechat");
        assertThat(trade.path("orderId").asText()).isEqualTo("ORD-SDK0000001");
        assertThat(trade.path("amount").asText()).isEqualTo("19.98");
        assertThat(trade.path("status").asText()).isEqualTo("NOTPAY");
    }

    @Test
    void theSdkQueriesAPaidTradeAndItsNotificationPassesTheParser() {
        String tradeNo = newTradeNo();
        prepay(tradeNo, 1998);
        assertThat(query(tradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.NOTPAY);

        assertThat(sim.pay(tradeNo)).hasStatus(200);

        Transaction paid = query(tradeNo);
        assertThat(paid.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(paid.getAmount().getTotal()).isEqualTo(1998);
        assertThat(paid.getMchid()).isEqualTo(console.path("mchid").asText());
        assertThat(paid.getAppid()).isEqualTo(console.path("appid").asText());
        assertThat(paid.getTransactionId()).hasSize(28);
        assertThat(paid.getSuccessTime()).isNotNull();
        NotificationCatcher.Received received = awaitNotification(tradeNo, Transaction.class);
        Transaction notified = parser().parse(requestParam(received), Transaction.class);
        assertThat(notified.getOutTradeNo()).isEqualTo(tradeNo);
        assertThat(notified.getTradeState()).isEqualTo(Transaction.TradeStateEnum.SUCCESS);
        assertThat(notified.getAmount().getTotal()).isEqualTo(1998);
        assertThat(notified.getTransactionId()).isEqualTo(paid.getTransactionId());
        assertThat(notified.getSuccessTime()).isEqualTo(paid.getSuccessTime());
        assertThat(received.headers())
                .containsEntry("wechatpay-serial", console.path("publicKeyId").asText())
                .containsEntry("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048");
        assertThat(received.body()).contains("\"event_type\":\"TRANSACTION.SUCCESS\"");
    }

    @Test
    void theSdkClosesAWaitingTradeThatThenRefusesPayment() {
        String tradeNo = newTradeNo();
        prepay(tradeNo, 500);

        close(tradeNo);

        assertThat(query(tradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.CLOSED);
        assertThat(sim.pay(tradeNo)).isProblem(409, "payment-refused");
    }

    @Test
    void theSdkRefundsOncePerRefundNumberAndTheRefundNotificationPassesTheParser() {
        String tradeNo = newTradeNo();
        prepay(tradeNo, 1998);
        assertThat(sim.pay(tradeNo)).hasStatus(200);

        Refund first = refund(tradeNo, "RF_" + tradeNo, 1998);
        Refund again = refund(tradeNo, "RF_" + tradeNo, 1998);

        assertThat(first.getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(first.getAmount().getRefund()).isEqualTo(1998);
        assertThat(again.getRefundId()).isEqualTo(first.getRefundId());
        assertThat(sim.trade(tradeNo).path("refundedAmount").asText()).isEqualTo("19.98");
        QueryByOutRefundNoRequest byNumber = new QueryByOutRefundNoRequest();
        byNumber.setOutRefundNo("RF_" + tradeNo);
        assertThat(refunds.queryByOutRefundNo(byNumber).getStatus()).isEqualTo(Status.SUCCESS);
        assertThat(query(tradeNo).getTradeState()).isEqualTo(Transaction.TradeStateEnum.REFUND);
        RefundNotification notified = parser().parse(
                        requestParam(awaitNotification(tradeNo, RefundNotification.class)), RefundNotification.class);
        assertThat(notified.getRefundStatus()).isEqualTo(Status.SUCCESS);
        assertThat(notified.getOutRefundNo()).isEqualTo("RF_" + tradeNo);
        assertThat(notified.getAmount().getRefund()).isEqualTo(1998);
        assertThat(notified.getAmount().getTotal()).isEqualTo(1998);
    }

    @Test
    void theSdkReadsTheSignedErrors() {
        String unknown = newTradeNo();
        String paid = newTradeNo();
        prepay(paid, 100);
        sim.pay(paid);

        assertThatThrownBy(() -> query(unknown)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(404);
            assertThat(e.getErrorCode()).isEqualTo("ORDER_NOT_EXIST");
        });
        assertThatThrownBy(() -> close(paid))
                .isInstanceOfSatisfying(
                        ServiceException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo("ORDERPAID"));
        sim.faults("{\"query-fail-rate\":1}");
        assertThatThrownBy(() -> query(paid)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.getHttpStatusCode()).isEqualTo(500);
            assertThat(e.getErrorCode()).isEqualTo("SYSTEM_ERROR");
        });
    }

    @Test
    void theSimulatorRefusesACallSignedWithAnotherKey() {
        RSAPublicKeyConfig impostor = new RSAPublicKeyConfig.Builder()
                .merchantId(console.path("mchid").asText())
                .privateKey(RsaKeys.encode(RsaKeys.generate().getPrivate()))
                .merchantSerialNumber(console.path("merchantSerial").asText())
                .publicKey(console.path("publicKey").asText())
                .publicKeyId(console.path("publicKeyId").asText())
                .apiV3Key(console.path("apiV3Key").asText())
                .build();
        NativePayService service = new NativePayService.Builder()
                .httpClient(new DefaultHttpClientBuilder()
                        .config(impostor)
                        .okHttpClient(toSimulator(console.path("baseUrl").asText()))
                        .build())
                .build();

        assertThatThrownBy(() -> service.queryOrderByOutTradeNo(queryRequest(newTradeNo())))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(401);
                    assertThat(e.getErrorCode()).isEqualTo("SIGN_ERROR");
                });
    }

    @Test
    void theParserRefusesANotificationUnderAnotherPublicKeyId() {
        String tradeNo = newTradeNo();
        prepay(tradeNo, 100);
        sim.pay(tradeNo);
        NotificationCatcher.Received received = awaitNotification(tradeNo, Transaction.class);
        NotificationParser strict = new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(console.path("publicKey").asText())
                .publicKeyId("PUB_KEY_ID_SOMEONE_ELSE")
                .apiV3Key(console.path("apiV3Key").asText())
                .build());

        assertThatThrownBy(() -> strict.parse(requestParam(received), Transaction.class))
                .isInstanceOf(ValidationException.class);
    }

    private PrepayResponse prepay(String tradeNo, int fen) {
        PrepayRequest request = new PrepayRequest();
        request.setAppid(console.path("appid").asText());
        request.setMchid(console.path("mchid").asText());
        request.setDescription("绿茶 Green tea & co");
        request.setOutTradeNo(tradeNo);
        request.setAttach("ORD-SDK0000001");
        request.setNotifyUrl(SHOP.url());
        request.setTimeExpire(OffsetDateTime.now(ZoneOffset.ofHours(8))
                .plusMinutes(10)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        Amount amount = new Amount();
        amount.setTotal(fen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return nativePay.prepay(request);
    }

    private Transaction query(String tradeNo) {
        return nativePay.queryOrderByOutTradeNo(queryRequest(tradeNo));
    }

    private QueryOrderByOutTradeNoRequest queryRequest(String tradeNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(console.path("mchid").asText());
        request.setOutTradeNo(tradeNo);
        return request;
    }

    private void close(String tradeNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(console.path("mchid").asText());
        request.setOutTradeNo(tradeNo);
        nativePay.closeOrder(request);
    }

    private Refund refund(String tradeNo, String refundNo, long fen) {
        CreateRequest request = new CreateRequest();
        request.setOutTradeNo(tradeNo);
        request.setOutRefundNo(refundNo);
        request.setReason("paid twice");
        request.setNotifyUrl(SHOP.url());
        AmountReq amount = new AmountReq();
        amount.setRefund(fen);
        amount.setTotal(fen);
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return refunds.create(request);
    }

    private NotificationParser parser() {
        return new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(console.path("publicKey").asText())
                .publicKeyId(console.path("publicKeyId").asText())
                .apiV3Key(console.path("apiV3Key").asText())
                .build());
    }

    private static RequestParam requestParam(NotificationCatcher.Received received) {
        return new RequestParam.Builder()
                .serialNumber(received.headers().get("wechatpay-serial"))
                .nonce(received.headers().get("wechatpay-nonce"))
                .signature(received.headers().get("wechatpay-signature"))
                .timestamp(received.headers().get("wechatpay-timestamp"))
                .signType(received.headers().get("wechatpay-signature-type"))
                .body(received.body())
                .build();
    }

    /** The first notification about the trade whose resource the SDK reads as the given type. */
    private <T> NotificationCatcher.Received awaitNotification(String tradeNo, Class<T> type) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> find(tradeNo, type), Optional::isPresent)
                .orElseThrow();
    }

    private <T> Optional<NotificationCatcher.Received> find(String tradeNo, Class<T> type) {
        List<NotificationCatcher.Received> all = SHOP.received();
        for (NotificationCatcher.Received received : all) {
            boolean refund = received.body().contains("\"event_type\":\"REFUND.");
            if (refund != (type == RefundNotification.class)) {
                continue;
            }
            Object parsed = parser().parse(requestParam(received), type);
            String outTradeNo = parsed instanceof Transaction transaction
                    ? transaction.getOutTradeNo()
                    : ((RefundNotification) parsed).getOutTradeNo();
            if (tradeNo.equals(outTradeNo)) {
                return Optional.of(received);
            }
        }
        return Optional.empty();
    }

    /** The SDK's client with its calls to WeChat Pay's API root sent to the simulator's instead. */
    private static OkHttpClient toSimulator(String simulatorBaseUrl) {
        HttpUrl simulator = HttpUrl.get(simulatorBaseUrl + "/");
        return new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    HttpUrl original = chain.request().url();
                    if (!original.toString().startsWith(WECHAT_API + "/")) {
                        return chain.proceed(chain.request());
                    }
                    HttpUrl.Builder redirected = simulator.newBuilder();
                    for (String segment : original.pathSegments()) {
                        redirected.addPathSegment(segment);
                    }
                    redirected.encodedQuery(original.encodedQuery());
                    return chain.proceed(
                            chain.request().newBuilder().url(redirected.build()).build());
                })
                .build();
    }

    private static String newTradeNo() {
        return "SDK" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
