package dev.orderclock.server.identity;

import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a controller's {@link Caller} parameter from the request headers. The parameter's type is
 * the access rule: {@code Caller} lets any identified caller in, {@code Caller.Operator} only an
 * operator (a shopper gets 403), {@code Caller.Shopper} only a shopper, or an operator naming one in
 * {@code X-User-Id}. Declared first, it is checked before the body is read.
 */
public final class CallerResolver implements HandlerMethodArgumentResolver {

    public static final String USER_HEADER = "X-User-Id";
    private static final String BEARER = "Bearer ";

    private final AdminToken adminToken;

    public CallerResolver(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Caller caller = identify(request);
        Class<?> wanted = parameter.getParameterType();
        if (wanted == Caller.Operator.class && !(caller instanceof Caller.Operator)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only an operator may do this");
        }
        if (wanted == Caller.Shopper.class && caller instanceof Caller.Operator) {
            return onBehalfOfShopper(request);
        }
        return caller;
    }

    /** An operator present (valid or not) wins over a user id: a wrong token must never fall back. */
    public Caller identify(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || !adminToken.matches(authorization.substring(BEARER.length()).trim())) {
                throw new ProblemException(ProblemType.UNAUTHENTICATED, "the bearer token is not the operator's");
            }
            return new Caller.Operator();
        }
        String userId = request.getHeader(USER_HEADER);
        if (userId == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "identify with the X-User-Id header or an operator's bearer token");
        }
        if (!Caller.Shopper.isUserId(userId)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED,
                    "X-User-Id must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return new Caller.Shopper(userId);
    }

    private static Caller.Shopper onBehalfOfShopper(HttpServletRequest request) {
        String userId = request.getHeader(USER_HEADER);
        if (!Caller.Shopper.isUserId(userId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "orders are placed for a shopper: an operator names one with X-User-Id");
        }
        return new Caller.Shopper(userId);
    }
}
