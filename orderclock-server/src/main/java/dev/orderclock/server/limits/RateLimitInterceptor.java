package dev.orderclock.server.limits;

import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Counts {@code POST /api/orders} and {@code POST /api/orders/{id}/pay} per caller and refuses the
 * one over the rate with 429 and {@code Retry-After}, before the body is read or anything is done.
 * Registered on those two paths only (see {@link LimitsConfiguration}).
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final RequestRates orders;
    private final RequestRates pays;
    private final RateKey keys;

    RateLimitInterceptor(RequestRates orders, RequestRates pays, RateKey keys) {
        this.orders = orders;
        this.pays = pays;
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        Optional<String> caller = keys.current();
        if (caller.isEmpty()) {
            return true;
        }
        RequestRates rates = request.getRequestURI().endsWith("/pay") ? pays : orders;
        OptionalLong retryAfter = rates.refuse(caller.get());
        if (retryAfter.isPresent()) {
            // Set here: the problem document is written by ProblemAdvice, which keeps this header.
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
            throw new ProblemException(
                            ProblemType.RATE_LIMITED,
                            "at most " + rates.permits() + " of these requests a minute per caller; retry after "
                                    + retryAfter.getAsLong() + " s")
                    .with("limit", rates.limit())
                    .with("max", rates.permits());
        }
        return true;
    }
}
