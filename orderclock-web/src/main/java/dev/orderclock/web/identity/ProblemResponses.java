package dev.orderclock.web.identity;

import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.util.function.Function;

/**
 * The security chain's 401 and 403, answered by the API's own {@code ProblemAdvice} through Spring MVC's
 * exception resolver, as the body and query filters are: what a client sees does not depend on whether a
 * filter or a controller refused it.
 */
final class ProblemResponses {

    static final String MISSING_IDENTITY = "identify with the X-User-Id header or a bearer token";

    private final HandlerExceptionResolver problems;

    ProblemResponses(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    /** 401 with the reason the identity was refused (or that none was given). */
    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(request, response, ProblemType.UNAUTHENTICATED, reason(e));
    }

    /** 403 whatever the caller: for routes that answer by who or where the caller is, not by identity alone. */
    AuthenticationEntryPoint forbidden(String detail) {
        return (request, response, e) -> write(request, response, ProblemType.FORBIDDEN, detail);
    }

    AccessDeniedHandler accessDenied(Function<HttpServletRequest, String> detail) {
        return (request, response, e) -> write(request, response, ProblemType.FORBIDDEN, detail.apply(request));
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription();
        }
        // Spring's own "Full authentication is required..." says less than this.
        return e.getMessage() == null || e.getMessage().startsWith("Full authentication")
                ? MISSING_IDENTITY
                : e.getMessage();
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail) {
        if (!response.isCommitted()) {
            problems.resolveException(request, response, null, new ProblemException(type, detail));
        }
    }
}
