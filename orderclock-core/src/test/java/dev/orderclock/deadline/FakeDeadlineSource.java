package dev.orderclock.deadline;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * A {@link DeadlineSource} in memory: pending deadlines in (due, id) order, with the semantics the
 * interface promises (scan a window, fire only what is pending and due, sweep what is overdue), and a
 * record of every call so tests can see what the engine asked. Thread-safe.
 */
final class FakeDeadlineSource implements DeadlineSource {

    record Scan(Deadline after, Instant until, int limit, List<Deadline> returned) {}

    record FireCall(long[] ids, Instant now, List<Fired> fired, boolean failed, String thread) {}

    record SweepCall(Instant cutoff, int limit, List<Fired> fired) {}

    private final NavigableSet<Deadline> pending = new TreeSet<>();
    private final Map<Long, Deadline> pendingById = new HashMap<>();
    private final Map<Long, Long> dueById = new HashMap<>();
    private final Map<Long, Integer> timesHandedToFire = new HashMap<>();
    private final Map<Long, Fired> fired = new HashMap<>();
    private final List<Long> handedEarly = new ArrayList<>();
    private final List<Scan> scans = new ArrayList<>();
    private final List<FireCall> fireCalls = new ArrayList<>();
    private final List<SweepCall> sweepCalls = new ArrayList<>();
    private int failuresToCome;
    private Runnable beforeNextScan;
    private Runnable afterNextScan;
    private int scanLimit = Integer.MAX_VALUE;
    private volatile Runnable beforeEachFire = () -> {};

    @Override
    public String name() {
        return "fake";
    }

    /** A deadline committed to the "database" (an order created). */
    synchronized Deadline add(long id, long dueMillis) {
        Deadline deadline = new Deadline(id, dueMillis);
        pending.add(deadline);
        pendingById.put(id, deadline);
        dueById.put(id, dueMillis);
        return deadline;
    }

    /** The deadline is no longer pending (the order was paid). */
    synchronized void resolve(long id) {
        Deadline deadline = pendingById.remove(id);
        if (deadline != null) {
            pending.remove(deadline);
        }
    }

    /** The next {@code count} calls to {@link #fire} throw, as a database that is down. */
    synchronized void failNextFires(int count) {
        failuresToCome = count;
    }

    /**
     * Runs {@code action} while the next scan is under way, before its query reads the rows (so what
     * the action commits is in the page) or after (so it is not): a commit racing a load.
     */
    synchronized void duringNextScan(boolean seenByTheQuery, Runnable action) {
        if (seenByTheQuery) {
            beforeNextScan = action;
        } else {
            afterNextScan = action;
        }
    }

    /**
     * Runs {@code action} at the start of every {@link #fire} call, outside the fake's lock, so that
     * firing threads can be made to meet there (proof that they fire at the same time).
     */
    void beforeEachFire(Runnable action) {
        beforeEachFire = action;
    }

    /** Fails the test when the engine scans more than {@code limit} times (a load going round in circles). */
    synchronized void failAfterScans(int limit) {
        scanLimit = limit;
    }

    @Override
    public synchronized List<Deadline> scan(Deadline after, Instant until, int limit) {
        if (scans.size() >= scanLimit) {
            throw new AssertionError("more than " + scanLimit + " scans, the last after " + after);
        }
        Runnable before = beforeNextScan;
        beforeNextScan = null;
        run(before);
        Deadline last = Deadline.endOf(until.toEpochMilli());
        List<Deadline> page = after.compareTo(last) >= 0
                ? List.of()
                : pending.subSet(after, false, last, true).stream().limit(limit).toList();
        scans.add(new Scan(after, until, limit, page));
        Runnable afterwards = afterNextScan;
        afterNextScan = null;
        run(afterwards);
        return page;
    }

    private static void run(Runnable action) {
        if (action != null) {
            action.run();
        }
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        beforeEachFire.run();
        return fireInTurn(ids, now);
    }

    /** As a database adapter does: the time is read once the transaction has begun, not before. */
    @Override
    public List<Fired> fire(long[] ids, InstantSource clock) {
        beforeEachFire.run();
        return fireInTurn(ids, clock.instant());
    }

    private synchronized List<Fired> fireInTurn(long[] ids, Instant now) {
        String thread = Thread.currentThread().getName();
        for (long id : ids) {
            timesHandedToFire.merge(id, 1, Integer::sum);
            Long due = dueById.get(id);
            if (due != null && due > now.toEpochMilli()) {
                handedEarly.add(id);
            }
        }
        if (failuresToCome > 0) {
            failuresToCome--;
            fireCalls.add(new FireCall(ids.clone(), now, List.of(), true, thread));
            throw new IllegalStateException("database unavailable");
        }
        List<Fired> result = new ArrayList<>();
        for (long id : ids) {
            Deadline deadline = pendingById.get(id);
            if (deadline != null && deadline.dueMillis() <= now.toEpochMilli()) {
                result.add(fire(deadline, now));
            }
        }
        fireCalls.add(new FireCall(ids.clone(), now, List.copyOf(result), false, thread));
        return result;
    }

    @Override
    public synchronized List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        List<Deadline> claimed = pending.headSet(new Deadline(Long.MIN_VALUE, cutoff.toEpochMilli()), false).stream()
                .limit(limit)
                .toList();
        List<Fired> result =
                claimed.stream().map(deadline -> fire(deadline, now)).toList();
        sweepCalls.add(new SweepCall(cutoff, limit, result));
        return result;
    }

    private Fired fire(Deadline deadline, Instant now) {
        pending.remove(deadline);
        pendingById.remove(deadline.id());
        Fired result = new Fired(deadline.id(), Instant.ofEpochMilli(deadline.dueMillis()), now);
        fired.put(deadline.id(), result);
        return result;
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    /** Pending deadlines due at or before {@code millis}: what a horizon ending there may hold. */
    synchronized int pendingDueBy(long millis) {
        return pending.headSet(Deadline.endOf(millis), true).size();
    }

    synchronized Map<Long, Fired> fired() {
        return Map.copyOf(fired);
    }

    /** How often the engine handed {@code id} to {@link #fire}, whatever came of it. */
    synchronized int timesHandedToFire(long id) {
        return timesHandedToFire.getOrDefault(id, 0);
    }

    /** Ids the engine handed to {@link #fire} before they were due. */
    synchronized List<Long> handedEarly() {
        return List.copyOf(handedEarly);
    }

    synchronized List<Scan> scans() {
        return List.copyOf(scans);
    }

    synchronized List<FireCall> fireCalls() {
        return List.copyOf(fireCalls);
    }

    synchronized List<SweepCall> sweepCalls() {
        return List.copyOf(sweepCalls);
    }

    /** Ids the sweeper fired (the wheel had not). */
    synchronized List<Long> sweptIds() {
        return sweepCalls.stream()
                .flatMap(call -> call.fired().stream())
                .map(Fired::id)
                .toList();
    }

    synchronized List<Long> idsHandedToFire() {
        return fireCalls.stream()
                .flatMap(call -> Arrays.stream(call.ids()).boxed())
                .toList();
    }
}
