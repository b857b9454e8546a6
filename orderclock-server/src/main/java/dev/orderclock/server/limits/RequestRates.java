package dev.orderclock.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Requests per caller on one route: a resilience4j rate limiter per caller key ({@code permits} a
 * {@code period}, never waiting), kept in a Caffeine cache of at most {@code callersHeld} callers.
 * A caller idle for a whole period is forgotten first: its limiter would be full again anyway, so
 * forgetting it costs nothing. Under a flood of more distinct keys than that, the least recently
 * seen are forgotten early; memory stays bounded either way.
 */
final class RequestRates {

    private final String limit;
    private final int permits;
    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters;

    RequestRates(String limit, int permits, Duration period, int callersHeld, Ticker ticker) {
        this.limit = limit;
        this.permits = permits;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(permits)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(callersHeld)
                .expireAfterAccess(period)
                .ticker(ticker)
                // Eviction on the caller's thread: a few map operations, and no pool to share.
                .executor(Runnable::run)
                .build();
    }

    /** The limit's name, as problem documents show it. */
    String limit() {
        return limit;
    }

    int permits() {
        return permits;
    }

    /** Counts a request of {@code caller}: empty when allowed, else the whole seconds until it would be. */
    OptionalLong refuse(String caller) {
        AtomicRateLimiter limiter = limiters.get(caller, key -> new AtomicRateLimiter(limit + ":" + key, config));
        if (limiter.acquirePermission()) {
            return OptionalLong.empty();
        }
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }

    long callersHeld() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
