package dev.orderclock.web.identity;

import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallerResolverTest {

    private final CallerResolver resolver = new CallerResolver();

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aShopperTheChainIdentifiedIsThatShopper() {
        assertThat(resolve("anyCaller", shopper("u-42_X"), null)).isEqualTo(new Caller.Shopper("u-42_X"));
    }

    @Test
    void theOperatorTheChainIdentifiedIsTheOperator() {
        assertThat(resolve("operatorOnly", operator(), null)).isInstanceOf(Caller.Operator.class);
    }

    @Test
    void anAnonymousCallerIsUnauthenticated() {
        Authentication anonymous = new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

        assertThat(refusal("anyCaller", anonymous, null)).isEqualTo(ProblemType.UNAUTHENTICATED);
        assertThat(refusal("anyCaller", null, null)).isEqualTo(ProblemType.UNAUTHENTICATED);
    }

    @Test
    void aShopperOnAnOperatorsEndpointIsForbidden() {
        assertThat(refusal("operatorOnly", shopper("u-42"), null)).isEqualTo(ProblemType.FORBIDDEN);
    }

    @Test
    void anOperatorActsForTheShopperItNamesInTheUserHeader() {
        assertThat(resolve("shopperOnly", operator(), "u-7")).isEqualTo(new Caller.Shopper("u-7"));
    }

    @Test
    void anOperatorNamingNoShopperIsForbiddenWhereAShopperIsNeeded() {
        assertThat(refusal("shopperOnly", operator(), null)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(refusal("shopperOnly", operator(), "u.7")).isEqualTo(ProblemType.FORBIDDEN);
    }

    @SuppressWarnings("unused")
    private static final class Endpoints {
        void anyCaller(Caller caller) {}

        void operatorOnly(Caller.Operator operator) {}

        void shopperOnly(Caller.Shopper shopper) {}
    }

    private Object resolve(String endpoint, Authentication authentication, String userHeader) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
        if (userHeader != null) {
            request.addHeader("X-User-Id", userHeader);
        }
        MethodParameter parameter = MethodParameter.forExecutable(method(endpoint), 0);
        assertThat(resolver.supportsParameter(parameter)).isTrue();
        return resolver.resolveArgument(parameter, null, new ServletWebRequest(request), null);
    }

    private ProblemType refusal(String endpoint, Authentication authentication, String userHeader) {
        return catchThrowableOfType(ProblemException.class, () -> resolve(endpoint, authentication, userHeader))
                .type();
    }

    private static java.lang.reflect.Method method(String name) {
        for (java.lang.reflect.Method method : Endpoints.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static Authentication shopper(String userId) {
        return new CallerAuthentication(new Caller.Shopper(userId));
    }

    private static Authentication operator() {
        return new CallerAuthentication(new Caller.Operator());
    }
}
