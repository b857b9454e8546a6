package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineSource;

import java.util.Map;

/**
 * The sources built from {@code orderclock.deadlines.*}, checked at start-up. Not beans of type
 * {@link DeadlineSource} themselves, so that the application's own DeadlineSource beans stay
 * distinguishable (and win over a table of the same name).
 */
public record TableDeadlineSources(Map<String, DeadlineSource> byName) {

    public TableDeadlineSources {
        byName = Map.copyOf(byName);
    }
}
