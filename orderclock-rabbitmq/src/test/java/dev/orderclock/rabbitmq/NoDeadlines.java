package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import java.time.Instant;
import java.util.List;

/** A source named {@code test} with nothing to scan, fire or sweep: what the tests of the tiers alone schedule under. */
final class NoDeadlines implements DeadlineSource {

    static final DeadlineSource SOURCE = new NoDeadlines();

    private NoDeadlines() {}

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<Deadline> scan(Deadline after, Instant until, int limit) {
        return List.of();
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        return List.of();
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return List.of();
    }
}
