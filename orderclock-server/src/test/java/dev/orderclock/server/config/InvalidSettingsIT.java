package dev.orderclock.server.config;

import dev.orderclock.server.OrderclockApplication;
import dev.orderclock.settings.InvalidSettingException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every setting that would make a live shop unsafe, or cannot work, stops the whole server with Boot's
 * "APPLICATION FAILED TO START" report, whose Description and Action both name the property; never a
 * bare stack trace, and never a secret's value. Channels point at a closed loopback port.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsIT {

    private static final String NOWHERE = "http://127.0.0.1:9";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Test
    void anAdminTokenShorterThan32CharactersStopsTheStartNamingTheProperty(CapturedOutput output) {
        Report report = refused(output, "orderclock.admin-token", "--orderclock.admin-token=tooShortOperatorToken");

        assertThat(report.description()).contains("has 21 characters", "at least 32");
        assertThat(report.action()).contains("openssl rand -base64 32", "leave it unset");
        assertThat(output).doesNotContain("tooShortOperatorToken");
    }

    @Test
    void aGatewaySecretShorterThan32CharactersStopsTheStartNamingTheProperty(CapturedOutput output) {
        Report report = refused(
                output,
                "orderclock.identity.gateway-secret",
                "--orderclock.identity.gateway-secret=tooShortGatewaySecret");

        assertThat(report.description()).contains("at least 32", "X-User-Id");
        assertThat(output).doesNotContain("tooShortGatewaySecret");
    }

    @Test
    void aTrustedProxyThatIsAHostNameStopsTheStartNamingTheProperty(CapturedOutput output) {
        Report report = refused(
                output,
                "orderclock.identity.trusted-proxies",
                "--orderclock.identity.trusted-proxies=10.0.0.0/8,gateway.internal");

        assertThat(report.description()).contains("'gateway.internal' is not an IP address or a CIDR");
        assertThat(report.action()).contains("10.0.0.0/8");
    }

    @Test
    void aCurrencyOtherThanCnyWhileAChannelIsOnStopsTheStartNamingTheProperty(CapturedOutput output) {
        Report report = refused(output, "orderclock.currency", "--orderclock.currency=USD");

        assertThat(report.description()).contains("must be CNY", "USD", "alipay");
        assertThat(report.action()).contains("orderclock.currency=CNY");
    }

    @Test
    void aRealChannelWithOnePropertyForgottenStopsTheStartNamingTheMissingOne(CapturedOutput output) {
        Report report = refused(
                output,
                "orderclock.channels.wechat.mchid",
                "--orderclock.sim.enabled=false",
                "--orderclock.channels.wechat.base-url=" + NOWHERE);

        assertThat(report.description())
                .contains("orderclock.channels.wechat.mchid is not set", "orderclock.channels.wechat.private-key");
    }

    @Test
    void aJwtAlgorithmOtherThanRsaBesideAPublicKeyStopsTheStartNamingTheProperty(
            @TempDir Path dir, CapturedOutput output) throws Exception {
        Path key = dir.resolve("idp-public.pem");
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Files.writeString(
                key,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");

        Report report = refused(
                output,
                JWT + "jws-algorithms",
                "--" + JWT + "public-key-location=" + key.toUri(),
                "--" + JWT + "jws-algorithms=HS256");

        assertThat(report.description()).contains("RS256", "HS256");
    }

    @Test
    void aJwtPublicKeyLocationThatHoldsNoRsaKeyStopsTheStartNamingTheProperty(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        Path key = dir.resolve("idp-public.pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n");

        Report report = refused(output, JWT + "public-key-location", "--" + JWT + "public-key-location=" + key.toUri());

        assertThat(report.description()).contains("does not hold an RSA public key");
    }

    /** Bound into a record whose constructor refuses: Boot wraps the refusal in a BindException. */
    @ParameterizedTest
    @CsvSource({
        "orderclock.limits.max-units-per-line, 0, it is 0",
        "orderclock.limits.max-units-per-line, 10001, it is 10001",
        "orderclock.limits.max-pay-timeout, 8d, it is PT192H",
        "orderclock.limits.max-pending-orders-per-shopper, 0, it is 0",
        "orderclock.limits.max-pending-units-per-shopper, -1, it is -1",
        "orderclock.limits.max-payment-attempts-per-order, 0, it is 0",
        "orderclock.limits.rate.orders-per-minute, 0, it is 0",
        "orderclock.limits.rate.pays-per-minute, 0, it is 0",
        "orderclock.limits.rate.callers-held, 0, it is 0",
    })
    void aLimitOutsideItsBoundsStopsTheStartNamingTheProperty(
            String property, String value, String said, CapturedOutput output) {
        Report report = refused(output, property, "--" + property + "=" + value);

        assertThat(report.description()).contains(said).doesNotContain("Failed to bind properties");
    }

    @Test
    void aDefaultTimeToPayLongerThanTheShopsLimitStopsTheStartNamingBothProperties(CapturedOutput output) {
        Report report = refused(
                output,
                "orderclock.pay-timeout",
                "--orderclock.pay-timeout=2h",
                "--orderclock.limits.max-pay-timeout=1h");

        assertThat(report.description()).contains("orderclock.limits.max-pay-timeout");
        assertThat(report.action()).contains("orderclock.limits.max-pay-timeout");
    }

    @Test
    void aDefaultTimeToPayOutsideTheApisBoundsStopsTheStartNamingTheProperty(CapturedOutput output) {
        refused(output, "orderclock.pay-timeout", "--orderclock.pay-timeout=0s");
    }

    /** The start fails with the exception, and the report's Description and Action both name the property. */
    private static Report refused(CapturedOutput output, String property, String... settings) {
        Throwable failure = catchThrowable(() -> start(settings));

        assertThat(failure).as("the start-up failure").isNotNull();
        assertThat(causes(failure))
                .anySatisfy(cause -> assertThat(cause)
                        .isInstanceOfSatisfying(
                                InvalidSettingException.class,
                                refusal -> assertThat(refusal.properties()).contains(property)));
        Report report = Report.of(output.getAll());
        assertThat(report.description()).as("Description").contains(property);
        assertThat(report.action()).as("Action").contains(property);
        return report;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static void start(String... settings) {
        // no admin token here: a test that sets one must be the only one to
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:orderclock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        args.addAll(List.of(settings));
        SpringApplication.run(OrderclockApplication.class, args.toArray(String[]::new))
                .close();
    }

    /** The last "APPLICATION FAILED TO START" report in the output, split into its two parts. */
    record Report(String description, String action) {

        static Report of(String output) {
            int start = output.lastIndexOf("APPLICATION FAILED TO START");
            assertThat(start)
                    .as("an APPLICATION FAILED TO START report in the output")
                    .isNotNegative();
            String report = output.substring(start);
            int description = report.indexOf("Description:");
            int action = report.indexOf("Action:");
            assertThat(description).as("Description:").isPositive();
            assertThat(action).as("Action:").isGreaterThan(description);
            // the action ends at the first blank line after its own text
            int end = report.indexOf("\n\n", report.indexOf("Action:") + "Action:".length() + 2);
            return new Report(
                    report.substring(description, action), report.substring(action, end < 0 ? report.length() : end));
        }
    }
}
