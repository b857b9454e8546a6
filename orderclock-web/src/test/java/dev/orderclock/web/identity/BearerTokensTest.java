package dev.orderclock.web.identity;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens();

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenMayHoldAnyCharacter() {
        assertThat(tokens.resolve(request("bearer op!token#1"))).isEqualTo("op!token#1");
        assertThat(tokens.resolve(request("Bearer abc"))).isEqualTo("abc");
    }

    @Test
    void noAuthorizationIsNoToken() {
        assertThat(tokens.resolve(request(null))).isNull();
    }

    @Test
    void anotherSchemeOrAnEmptyTokenIsRefusedNotIgnored() {
        assertThatThrownBy(() -> tokens.resolve(request("Basic dXNlcjpwYXNz")))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> tokens.resolve(request("Bearer  "))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void underTheSimulatorAnotherSchemeIsTheSimulatedChannelsToCheck() {
        MockHttpServletRequest wechat = new MockHttpServletRequest("POST", "/sim/wechat/v3/pay/transactions/native");
        wechat.addHeader("Authorization", "WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\",signature=\"x\"");

        assertThat(tokens.resolve(wechat)).isNull();
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
