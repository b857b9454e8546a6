package dev.orderclock.bench.command;

import dev.orderclock.bench.workload.TimeoutPlan;

import picocli.CommandLine.Option;

import java.time.Duration;

/** When the orders fall due: one fixed pay timeout (default 5 s) or timeouts spread from 1 s. */
final class DueOptions {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    @Option(
            names = "--timeout",
            converter = DurationConverter.class,
            description = "every order's pay timeout (default 5s)")
    Duration timeout;

    @Option(names = "--spread", converter = DurationConverter.class, description = "timeouts uniform from 1 s to this")
    Duration spread;

    boolean isSpread() {
        return spread != null;
    }

    /** The fixed timeout, or the default when neither option was given. */
    Duration fixedTimeout() {
        return timeout != null ? timeout : DEFAULT_TIMEOUT;
    }

    TimeoutPlan plan() {
        return isSpread() ? TimeoutPlan.spread(spread) : TimeoutPlan.fixed(fixedTimeout());
    }

    String description() {
        return isSpread()
                ? "uniform 1.." + spread.toSeconds() + " s"
                : "fixed " + Math.max(1, fixedTimeout().toSeconds()) + " s";
    }
}
