package dev.orderclock.server.limits;

import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.identity.CallerAuthentication;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * Whose count a request adds to: the shopper the security chain identified. Answers empty for
 * callers that are not counted: operators (the shop itself; an operator acting for a shopper leaves
 * the per-shopper holding limits to apply) and unidentified requests, which the controller refuses
 * with 401 anyway.
 */
final class RateKey {

    Optional<String> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<String> of(Authentication authentication) {
        return authentication instanceof CallerAuthentication identified
                        && identified.isAuthenticated()
                        && identified.caller() instanceof Caller.Shopper shopper
                ? Optional.of(shopper.userId())
                : Optional.empty();
    }
}
