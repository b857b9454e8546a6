package dev.orderclock.web.identity;

import dev.orderclock.web.identity.UserHeaderAuthentication.Peer;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserHeaderAuthenticationTest {

    private static final String SECRET = "gateway-secret-of-at-least-32-chars";

    private final UserHeaderAuthentication headers =
            new UserHeaderAuthentication(properties(List.of("10.1.0.0/16", "2001:db8::/32"), SECRET, true));

    @Test
    void aUserIdFromLoopbackIsBelieved() {
        assertThat(headers.believe("u-1", new Peer("127.0.0.1", null))).isEqualTo("u-1");
        assertThat(headers.believe("u-1", new Peer("0:0:0:0:0:0:0:1", null))).isEqualTo("u-1");
    }

    @Test
    void aUserIdFromATrustedProxyIsBelieved() {
        assertThat(headers.believe("u-1", new Peer("10.1.200.3", null))).isEqualTo("u-1");
        assertThat(headers.believe("u-1", new Peer("2001:db8:0:0:0:0:0:9", null)))
                .isEqualTo("u-1");
    }

    @Test
    void aUserIdFromAnyoneElseIsRefusedSayingWhy() {
        assertThatThrownBy(() -> headers.believe("u-1", new Peer("10.2.0.1", null)))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("10.2.0.1")
                .hasMessageContaining("orderclock.identity.trusted-proxies");
    }

    @Test
    void theGatewaySecretMakesAnyPeerBelieved() {
        assertThat(headers.believe("u-1", new Peer("203.0.113.7", SECRET))).isEqualTo("u-1");
    }

    @Test
    void aWrongGatewaySecretIsRefusedEvenFromLoopback() {
        assertThatThrownBy(() -> headers.believe("u-1", new Peer("127.0.0.1", SECRET + "x")))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("X-Gateway-Secret");
    }

    @Test
    void aMalformedUserIdIsRefusedFromATrustedPeerToo() {
        assertThatThrownBy(() -> headers.believe("u 1", new Peer("127.0.0.1", null)))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("1-64 characters");
    }

    @Test
    void turnedOffTheHeaderIsRefusedFromEveryone() {
        UserHeaderAuthentication off = new UserHeaderAuthentication(properties(List.of(), null, false));

        assertThatThrownBy(() -> off.believe("u-1", new Peer("127.0.0.1", null)))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessageContaining("orderclock.identity.user-header.enabled=false");
    }

    @Test
    void aForwardedLookingOrHostNamePeerIsNeverLoopback() {
        assertThat(TrustedPeers.isLoopback("localhost")).isFalse();
        assertThat(TrustedPeers.isLoopback("127.0.0.1/8")).isFalse();
        assertThat(TrustedPeers.isLoopback(null)).isFalse();
        assertThat(TrustedPeers.isLoopback("127.0.0.2")).isTrue();
    }

    @Test
    void aTrustedProxyThatIsNotACidrStopsTheStartNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new UserHeaderAuthentication(properties(List.of("gateway.internal"), null, true)))
                .withMessageContaining("orderclock.identity.trusted-proxies");
        assertThatIllegalStateException()
                .isThrownBy(() -> new UserHeaderAuthentication(properties(List.of("10.0.0.0/99"), null, true)))
                .withMessageContaining("orderclock.identity.trusted-proxies");
    }

    @Test
    void aShortGatewaySecretStopsTheStartNamingTheProperty() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new UserHeaderAuthentication(properties(List.of(), "short", true)))
                .withMessageContaining("orderclock.identity.gateway-secret");
    }

    private static ShopperIdentityProperties properties(List<String> proxies, String secret, boolean enabled) {
        return new ShopperIdentityProperties(
                "sub", proxies, secret, "X-Gateway-Secret", new ShopperIdentityProperties.UserHeader(enabled));
    }
}
