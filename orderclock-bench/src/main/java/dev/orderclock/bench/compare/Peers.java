package dev.orderclock.bench.compare;

import dev.orderclock.bench.compare.peers.dbscheduler.DbSchedulerPeer;
import dev.orderclock.bench.compare.peers.quartz.QuartzPeer;
import dev.orderclock.bench.compare.peers.rabbitmq.RabbitTtlPeer;
import dev.orderclock.bench.compare.peers.redisson.RedissonPeer;
import dev.orderclock.bench.compare.peers.scan.ScanPeer;
import dev.orderclock.bench.compare.peers.wheel.HashedWheelPeer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every peer {@code compare} knows, by the key {@code --peers} takes, in the order of the table. */
public final class Peers {

    /**
     * A peer by key; {@code otherDeadlines} marks the RabbitMQ row that runs the same orders with the
     * other kind of deadlines (mixed when the workload's are equal, equal when they are mixed).
     */
    public record Entry(String key, Supplier<Peer> create, boolean otherDeadlines) {}

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();

    static {
        add(new Entry("scan-1s", () -> new ScanPeer(Duration.ofSeconds(1)), false));
        add(new Entry("scan-60s", () -> new ScanPeer(Duration.ofSeconds(60)), false));
        add(new Entry("rabbitmq-ttl", RabbitTtlPeer::new, false));
        add(new Entry("rabbitmq-ttl-other", RabbitTtlPeer::new, true));
        add(new Entry(
                "db-scheduler", () -> new DbSchedulerPeer(DbSchedulerPeer.Polling.FETCH_AND_LOCK_ON_EXECUTE), false));
        add(new Entry(
                "db-scheduler-lock-and-fetch",
                () -> new DbSchedulerPeer(DbSchedulerPeer.Polling.LOCK_AND_FETCH),
                false));
        add(new Entry("quartz", QuartzPeer::new, false));
        add(new Entry("redisson", RedissonPeer::new, false));
        add(new Entry("hashed-wheel", HashedWheelPeer::new, false));
    }

    private Peers() {}

    private static void add(Entry entry) {
        ALL.put(entry.key(), entry);
    }

    public static List<String> keys() {
        return List.copyOf(ALL.keySet());
    }

    /** The entry of {@code key}; unknown keys are a usage error. */
    public static Entry named(String key) {
        Entry entry = ALL.get(key);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "no peer " + key + "; known: orderclock, " + String.join(", ", ALL.keySet()));
        }
        return entry;
    }
}
