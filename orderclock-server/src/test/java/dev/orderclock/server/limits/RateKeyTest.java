package dev.orderclock.server.limits;

import dev.orderclock.server.identity.AdminToken;
import dev.orderclock.server.identity.CallerResolver;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RateKeyTest {

    private static final String TOKEN = "a-test-operator-token-of-some-length";
    private final RateKey keys = new RateKey(new CallerResolver(new AdminToken(TOKEN)));

    @Test
    void aShopperIsCountedUnderItsUserId() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.addHeader("X-User-Id", "u-42");

        assertThat(keys.of(request)).contains("u-42");
    }

    @Test
    void anOperatorIsNotCountedEvenWhenActingForAShopper() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        request.addHeader("Authorization", "Bearer " + TOKEN);
        request.addHeader("X-User-Id", "u-42");

        assertThat(keys.of(request)).isEmpty();
    }

    @Test
    void anUnidentifiedCallerIsLeftToTheControllersRefusal() {
        MockHttpServletRequest wrongToken = new MockHttpServletRequest("POST", "/api/orders");
        wrongToken.addHeader("Authorization", "Bearer nope");
        wrongToken.addHeader("X-User-Id", "u-42");

        assertThat(keys.of(new MockHttpServletRequest("POST", "/api/orders"))).isEmpty();
        assertThat(keys.of(wrongToken)).isEmpty();
    }
}
