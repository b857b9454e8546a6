package dev.orderclock.server.identity;

import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallerResolverTest {

    private final CallerResolver resolver = new CallerResolver(new AdminToken("op-token"));

    @Test
    void aValidUserIdIsAShopper() {
        assertThat(resolver.identify(request(null, "u-42_X"))).isEqualTo(new Caller.Shopper("u-42_X"));
    }

    @Test
    void theAdminTokenIsAnOperator() {
        assertThat(resolver.identify(request("Bearer op-token", null))).isInstanceOf(Caller.Operator.class);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        assertThat(resolver.identify(request("bearer op-token", null))).isInstanceOf(Caller.Operator.class);
    }

    @Test
    void aWrongTokenIsNotOvercomeByAValidUserId() {
        assertThat(refusal(request("Bearer nope", "u-42"))).isEqualTo(ProblemType.UNAUTHENTICATED);
    }

    @Test
    void noIdentityIsUnauthenticated() {
        assertThat(refusal(request(null, null))).isEqualTo(ProblemType.UNAUTHENTICATED);
    }

    @Test
    void aUserIdWithOtherCharactersIsUnauthenticated() {
        assertThat(refusal(request(null, "u.42"))).isEqualTo(ProblemType.UNAUTHENTICATED);
    }

    @Test
    void aUserIdOfSixtyFourCharactersIsAccepted() {
        assertThat(resolver.identify(request(null, "a".repeat(64)))).isInstanceOf(Caller.Shopper.class);
    }

    private ProblemType refusal(MockHttpServletRequest request) {
        return catchThrowableOfType(ProblemException.class, () -> resolver.identify(request)).type();
    }

    private static MockHttpServletRequest request(String authorization, String userId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/orders");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        if (userId != null) {
            request.addHeader("X-User-Id", userId);
        }
        return request;
    }
}
