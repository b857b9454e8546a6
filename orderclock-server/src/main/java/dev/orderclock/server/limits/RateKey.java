package dev.orderclock.server.limits;

import dev.orderclock.server.identity.Caller;
import dev.orderclock.server.identity.CallerResolver;
import dev.orderclock.server.problem.ProblemException;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Whose count a request adds to: the shopper's id. The one place that knows how callers are told
 * apart for rate limits; once identity lives in Spring Security, read the authentication here.
 * Answers empty for callers that are not counted: operators (the shop itself; an operator acting
 * for a shopper leaves the per-shopper holding limits to apply) and unidentified requests, which
 * the controller refuses with 401 anyway.
 */
final class RateKey {

    private final CallerResolver callers;

    RateKey(CallerResolver callers) {
        this.callers = callers;
    }

    Optional<String> of(HttpServletRequest request) {
        try {
            return callers.identify(request) instanceof Caller.Shopper shopper
                    ? Optional.of(shopper.userId()) : Optional.empty();
        } catch (ProblemException unidentified) {
            return Optional.empty();
        }
    }
}
