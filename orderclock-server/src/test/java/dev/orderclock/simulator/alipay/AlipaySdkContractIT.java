package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.AlipayTime;
import dev.orderclock.channels.keys.RsaKeys;
import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.simulator.NotificationCatcher;
import dev.orderclock.simulator.SimApi;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.internal.util.AlipaySignature;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official Alipay SDK as the judge of the simulator: its client, pointed at the simulator's gateway
 * with the keys the simulator's console hands out, runs every trade method and accepts every signed
 * answer; its notification verifier accepts every notification the simulator sends.
 */
@RunningServer
class AlipaySdkContractIT {

    private static final NotificationCatcher SHOP = new NotificationCatcher();

    @LocalServerPort
    int port;

    SimApi sim;
    AlipayClient sdk;
    String alipayPublicKey;
    String appId;

    @BeforeEach
    void setUp() {
        // The SDK logs every call, signature included, at INFO (and business errors at ERROR).
        ((Logger) LoggerFactory.getLogger("sdk")).setLevel(Level.OFF);
        sim = new SimApi(new Api(port));
        JsonNode console = sim.alipayConsole();
        appId = console.path("appId").asText();
        alipayPublicKey = console.path("alipayPublicKey").asText();
        sdk = new DefaultAlipayClient(
                console.path("gatewayUrl").asText(),
                appId,
                console.path("privateKey").asText(),
                "json",
                "utf-8",
                alipayPublicKey,
                "RSA2");
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
    void theSdkPrecreatesATradeAndReadsItsQrCode() throws AlipayApiException {
        String tradeNo = newTradeNo();

        AlipayTradePrecreateResponse response = precreate(tradeNo, "19.98");

        assertThat(response.isSuccess()).as(response.getBody()).isTrue();
        assertThat(response.getCode()).isEqualTo("10000");
        assertThat(response.getOutTradeNo()).isEqualTo(tradeNo);
        assertThat(response.getQrCode()).endsWith("/sim/trades/" + tradeNo + "/pay");
        JsonNode trade = sim.trade(tradeNo);
        assertThat(trade.path("orderId").asText()).isEqualTo("ORD-SDK0000001");
        assertThat(trade.path("amount").asText()).isEqualTo("19.98");
        assertThat(trade.path("status").asText()).isEqualTo("WAIT_BUYER_PAY");
    }

    @Test
    void theSdkQueriesAPaidTradeAndAlipaysNotificationPassesItsVerifier() throws AlipayApiException {
        String tradeNo = newTradeNo();
        precreate(tradeNo, "19.98");
        assertThat(query(tradeNo).getTradeStatus()).isEqualTo("WAIT_BUYER_PAY");

        assertThat(sim.pay(tradeNo)).hasStatus(200);

        AlipayTradeQueryResponse paid = query(tradeNo);
        assertThat(paid.isSuccess()).as(paid.getBody()).isTrue();
        assertThat(paid.getTradeStatus()).isEqualTo("TRADE_SUCCESS");
        assertThat(paid.getTotalAmount()).isEqualTo("19.98");
        assertThat(paid.getTradeNo()).hasSize(28);
        assertThat(paid.getSendPayDate()).isNotNull();
        Map<String, String> notification = SHOP.await(tradeNo, 1).get(0).fields();
        assertThat(verifiedBySdk(notification)).isTrue();
        assertThat(notification)
                .containsEntry("notify_type", "trade_status_sync")
                .containsEntry("app_id", appId)
                .containsEntry("trade_status", "TRADE_SUCCESS")
                .containsEntry("total_amount", "19.98")
                .containsEntry("receipt_amount", "19.98")
                .containsEntry("buyer_pay_amount", "19.98")
                .containsEntry("trade_no", paid.getTradeNo())
                .containsEntry("charset", "utf-8")
                .containsEntry("version", "1.0")
                .containsEntry("sign_type", "RSA2")
                .containsKeys("notify_id", "notify_time", "gmt_payment", "gmt_create", "sign");
        assertThat(AlipayTime.parse(notification.get("gmt_payment")))
                .isEqualTo(paid.getSendPayDate().toInstant());
    }

    @Test
    void theSdkClosesAWaitingTradeThatThenRefusesPayment() throws AlipayApiException {
        String tradeNo = newTradeNo();
        precreate(tradeNo, "5.00");

        AlipayTradeCloseResponse closed = close(tradeNo);

        assertThat(closed.isSuccess()).as(closed.getBody()).isTrue();
        assertThat(closed.getOutTradeNo()).isEqualTo(tradeNo);
        assertThat(query(tradeNo).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        assertThat(sim.pay(tradeNo)).isProblem(409, "payment-refused");
        Map<String, String> notification = SHOP.await(tradeNo, 1).get(0).fields();
        assertThat(verifiedBySdk(notification)).isTrue();
        assertThat(notification).containsEntry("trade_status", "TRADE_CLOSED").containsKey("gmt_close");
    }

    @Test
    void theSdkRefundsOncePerRequestNumberAndQueriesTheRefund() throws AlipayApiException {
        String tradeNo = newTradeNo();
        precreate(tradeNo, "19.98");
        assertThat(sim.pay(tradeNo)).hasStatus(200);

        AlipayTradeRefundResponse first = refund(tradeNo, tradeNo + "-R1");
        AlipayTradeRefundResponse again = refund(tradeNo, tradeNo + "-R1");

        assertThat(first.isSuccess()).as(first.getBody()).isTrue();
        assertThat(first.getFundChange()).isEqualTo("Y");
        assertThat(first.getRefundFee()).isEqualTo("19.98");
        assertThat(again.isSuccess()).isTrue();
        assertThat(again.getFundChange()).isEqualTo("N");
        assertThat(sim.trade(tradeNo).path("refundedAmount").asText()).isEqualTo("19.98");
        AlipayTradeFastpayRefundQueryResponse refunded = refundQuery(tradeNo, tradeNo + "-R1");
        assertThat(refunded.isSuccess()).as(refunded.getBody()).isTrue();
        assertThat(refunded.getRefundStatus()).isEqualTo("REFUND_SUCCESS");
        assertThat(refunded.getRefundAmount()).isEqualTo("19.98");
        assertThat(refunded.getGmtRefundPay()).isNotNull();
        assertThat(refundQuery(tradeNo, tradeNo + "-R9").getRefundAmount()).isNull();
        // Refunded in full, the trade reads TRADE_CLOSED, as at Alipay; its refund is notified too.
        assertThat(query(tradeNo).getTradeStatus()).isEqualTo("TRADE_CLOSED");
        // The payment and the refund are notified from different threads: either may arrive first.
        Map<String, String> refundNotification = SHOP.await(tradeNo, 2).stream()
                .map(received -> received.fields())
                .filter(fields -> fields.containsKey("refund_fee"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no refund notification for " + tradeNo));
        assertThat(verifiedBySdk(refundNotification)).isTrue();
        assertThat(refundNotification)
                .containsEntry("refund_fee", "19.98")
                .containsEntry("out_biz_no", tradeNo + "-R1");
    }

    @Test
    void theSdkAcceptsTheSignedBusinessErrors() throws AlipayApiException {
        String unknown = newTradeNo();
        String paid = newTradeNo();
        precreate(paid, "1.00");
        sim.pay(paid);

        AlipayTradeQueryResponse notExist = query(unknown);
        AlipayTradeCloseResponse statusError = close(paid);
        sim.faults("{\"query-fail-rate\":1}");
        AlipayTradeQueryResponse systemError = query(paid);

        assertThat(notExist.isSuccess()).isFalse();
        assertThat(notExist.getSubCode()).isEqualTo("ACQ.TRADE_NOT_EXIST");
        assertThat(statusError.getSubCode()).isEqualTo("ACQ.TRADE_STATUS_ERROR");
        assertThat(systemError.getSubCode()).isEqualTo("ACQ.SYSTEM_ERROR");
    }

    @Test
    void aTradeNumberWithCharactersAlipayDoesNotAllowIsRefused() throws AlipayApiException {
        AlipayTradePrecreateResponse dashed = precreate("ORD-" + newTradeNo(), "1.00");

        assertThat(dashed.isSuccess()).isFalse();
        assertThat(dashed.getSubCode()).isEqualTo("ACQ.INVALID_PARAMETER");
        assertThat(dashed.getSubMsg()).contains("letters, digits or '_'");
    }

    @Test
    void theSimulatorRefusesACallSignedWithAnotherKey() throws AlipayApiException {
        String foreignKey = RsaKeys.encode(RsaKeys.generate().getPrivate());
        AlipayClient impostor = new DefaultAlipayClient(
                sim.alipayConsole().path("gatewayUrl").asText(),
                appId,
                foreignKey,
                "json",
                "utf-8",
                alipayPublicKey,
                "RSA2");
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(queryModel(newTradeNo()));

        AlipayTradeQueryResponse response = impostor.execute(request);

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getSubCode()).isEqualTo("isv.invalid-signature");
    }

    private AlipayTradePrecreateResponse precreate(String tradeNo, String amount) throws AlipayApiException {
        AlipayTradePrecreateModel model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(tradeNo);
        model.setTotalAmount(amount);
        model.setSubject("绿茶 Green tea & co");
        model.setBody("ORD-SDK0000001");
        model.setTimeExpire(AlipayTime.format(Instant.now().plus(Duration.ofMinutes(10))));
        AlipayTradePrecreateRequest request = new AlipayTradePrecreateRequest();
        request.setNotifyUrl(SHOP.url());
        request.setBizModel(model);
        return sdk.execute(request);
    }

    private AlipayTradeQueryResponse query(String tradeNo) throws AlipayApiException {
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(queryModel(tradeNo));
        return sdk.execute(request);
    }

    private AlipayTradeCloseResponse close(String tradeNo) throws AlipayApiException {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(tradeNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        return sdk.execute(request);
    }

    private AlipayTradeRefundResponse refund(String tradeNo, String requestNo) throws AlipayApiException {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(tradeNo);
        model.setRefundAmount("19.98");
        model.setOutRequestNo(requestNo);
        model.setRefundReason("order closed before the money came");
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        return sdk.execute(request);
    }

    private AlipayTradeFastpayRefundQueryResponse refundQuery(String tradeNo, String requestNo)
            throws AlipayApiException {
        AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(tradeNo);
        model.setOutRequestNo(requestNo);
        model.setQueryOptions(List.of("gmt_refund_pay"));
        AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        return sdk.execute(request);
    }

    private static AlipayTradeQueryModel queryModel(String tradeNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(tradeNo);
        return model;
    }

    /** rsaCheckV1 removes sign and sign_type from the map it is given: it gets a copy. Always RSA2. */
    private boolean verifiedBySdk(Map<String, String> notification) throws AlipayApiException {
        return AlipaySignature.rsaCheckV1(new HashMap<>(notification), alipayPublicKey, "utf-8", "RSA2");
    }

    private static String newTradeNo() {
        return "SDK" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
