package dev.orderclock.order;

import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A scheduler that only writes down what it was told. */
final class RecordingScheduler implements DeadlineScheduler {

    record Call(String what, DeadlineSource source, long id, Instant due) {}

    final List<Call> calls = new ArrayList<>();

    @Override
    public void schedule(DeadlineSource source, long id, Instant due) {
        calls.add(new Call("schedule", source, id, due));
    }

    @Override
    public void cancel(DeadlineSource source, long id) {
        calls.add(new Call("cancel", source, id, null));
    }
}
