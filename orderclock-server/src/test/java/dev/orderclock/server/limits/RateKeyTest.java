package dev.orderclock.server.limits;

import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.identity.CallerAuthentication;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class RateKeyTest {

    @Test
    void aShopperIsCountedUnderItsUserId() {
        assertThat(RateKey.of(new CallerAuthentication(new Caller.Shopper("u-42"))))
                .contains("u-42");
    }

    @Test
    void anOperatorIsNotCounted() {
        assertThat(RateKey.of(new CallerAuthentication(new Caller.Operator()))).isEmpty();
    }

    @Test
    void anUnidentifiedCallerIsLeftToTheControllersRefusal() {
        assertThat(RateKey.of(null)).isEmpty();
        assertThat(RateKey.of(new AnonymousAuthenticationToken(
                        "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
                .isEmpty();
    }
}
