package dev.orderclock.web.identity;

import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A controller's {@link Caller} parameter, from the identity the security chain established. The
 * parameter's type is the access rule: {@code Caller} lets any identified caller in, {@code Caller.Operator}
 * only an operator (a shopper gets 403), {@code Caller.Shopper} only a shopper, or an operator naming
 * one in {@code X-User-Id} (an argument of the operator's request, not an identity). Declared first, it
 * is checked before the body is read.
 */
public final class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mav,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Caller caller = caller(SecurityContextHolder.getContext().getAuthentication());
        Class<?> wanted = parameter.getParameterType();
        if (wanted == Caller.Operator.class) {
            return operator(caller);
        }
        if (wanted == Caller.Shopper.class && caller instanceof Caller.Operator) {
            return onBehalfOfShopper(webRequest.getHeader(UserHeaderAuthentication.USER_HEADER));
        }
        return caller;
    }

    /** The operator the chain authenticated: anyone else is 403, an anonymous caller 401. */
    public static Caller.Operator operator(Authentication authentication) {
        return operator(caller(authentication));
    }

    private static Caller.Operator operator(Caller caller) {
        if (caller instanceof Caller.Operator operator) {
            return operator;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "only an operator may do this");
    }

    /** The caller the chain authenticated; anyone else (anonymous) is 401. */
    static Caller caller(Authentication authentication) {
        if (authentication instanceof CallerAuthentication identified && identified.isAuthenticated()) {
            return identified.caller();
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, ProblemResponses.MISSING_IDENTITY);
    }

    private static Caller.Shopper onBehalfOfShopper(String userId) {
        if (!Caller.Shopper.isUserId(userId)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN, "orders are placed for a shopper: an operator names one with X-User-Id");
        }
        return new Caller.Shopper(userId);
    }
}
