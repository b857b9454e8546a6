package dev.orderclock.server.problem;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;
import dev.orderclock.server.testing.RunningServer;
import dev.orderclock.web.problem.ProblemConfiguration;
import dev.orderclock.web.problem.ProblemType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at the edges of HTTP, on the real server over real HTTP: bodies too large for the payment
 * notifications, and requests Tomcat refuses before Spring sees them. Each answer is a problem
 * document, and nothing is logged at ERROR.
 */
@RunningServer
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgesIT {

    private static final int OVER_THE_LIMIT = 100 * 1024;

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void aChunkedBodyOverSixtyFourKibibytesToTheAlipayNotificationIsRefusedWith413AndNoErrorLogged(CapturedOutput log) {
        byte[] form = formOf(OVER_THE_LIMIT);

        Reply reply = api.post("/api/payments/alipay/notify")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .chunked(form)
                .send();

        assertThat(reply).isProblem(413, "body-too-large");
        assertThat(reply.json().path("limit").asLong()).isEqualTo(ProblemConfiguration.MAX_BODY_BYTES);
        assertNoErrorLogged(log);
    }

    @Test
    void aChunkedBodyOverSixtyFourKibibytesToTheWechatNotificationIsRefusedWith413AndNoErrorLogged(CapturedOutput log) {
        byte[] json = ("{\"id\":\"" + "x".repeat(OVER_THE_LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);

        Reply reply = api.post("/api/payments/wechat/notify")
                .header("Content-Type", "application/json")
                .chunked(json)
                .send();

        assertThat(reply).isProblem(413, "body-too-large");
        assertNoErrorLogged(log);
    }

    @Test
    void aBadPercentEscapeInThePathIsAProblemDocumentNotTomcatsPage(CapturedOutput log) {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/orders/%zz HTTP/1.1", "X-User-Id: u-1");

        assertIsProblem(answer, 400);
        assertNoErrorLogged(log);
    }

    @Test
    void aPercentEscapeCutShortInThePathIsAProblemDocument(CapturedOutput log) {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/products/CUP% HTTP/1.1");

        assertIsProblem(answer, 400);
        assertNoErrorLogged(log);
    }

    @Test
    void aBadPercentEscapeInTheQueryIsAProblemDocument(CapturedOutput log) {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/orders?status=%zz HTTP/1.1", "X-User-Id: u-1");

        assertIsProblem(answer, 400);
        assertNoErrorLogged(log);
    }

    @Test
    void escapesThatAreNotUtf8InTheQueryAreAProblemDocument(CapturedOutput log) {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/orders?status=%C3%28 HTTP/1.1", "X-User-Id: u-1");

        assertIsProblem(answer, 400);
        assertNoErrorLogged(log);
    }

    @Test
    void aWellFormedEscapedQueryIsServed() {
        RawHttp.Answer answer =
                RawHttp.send(port, "GET /api/orders?status=%50ENDING_PAYMENT HTTP/1.1", "X-User-Id: u-1");

        assertThat(answer.status()).as(answer.headers()).isEqualTo(200);
    }

    @Test
    void aTwentyKilobyteHeaderIsAProblemDocumentNotTomcatsPage(CapturedOutput log) {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/products HTTP/1.1", "X-Padding: " + "a".repeat(20_000));

        assertIsProblem(answer, 400);
        assertThat(answer.json().path("detail").asText()).contains("headers too large");
        assertNoErrorLogged(log);
    }

    @Test
    void aHeaderWellUnderTheLimitIsServed() {
        RawHttp.Answer answer =
                RawHttp.send(port, "GET /api/orders HTTP/1.1", "X-User-Id: u-1", "X-Padding: " + "a".repeat(12_000));

        assertThat(answer.status()).as(answer.headers()).isEqualTo(200);
    }

    private static void assertIsProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.headers()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("type").asText()).startsWith(ProblemType.BASE);
        assertThat(answer.json().path("title").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
    }

    private static void assertNoErrorLogged(CapturedOutput log) {
        assertThat(log.getOut().lines()).noneMatch(line -> line.contains(" ERROR "));
        assertThat(log.getErr()).doesNotContain("Exception");
    }

    /** A form of Alipay's shape, padded past the limit in one field. */
    private static byte[] formOf(int bytes) {
        byte[] padding = new byte[bytes];
        Arrays.fill(padding, (byte) 'a');
        return ("notify_type=trade_status_sync&out_trade_no=ORD_1_1&body="
                        + new String(padding, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
