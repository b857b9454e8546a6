package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.compare.Figures;
import dev.orderclock.bench.compare.PeerRun;
import dev.orderclock.bench.compare.Peers;
import dev.orderclock.bench.compare.Workload;
import dev.orderclock.bench.measurement.Progress;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The peers of a {@code burst}: after orderclock, each is given the same burst (as many orders, due
 * within a target second as far from the start of its creation as orderclock's was), one after the
 * other, and all go into one table with every close figure's ratio to orderclock's.
 */
final class BurstPeers {

    private final List<Peers.Entry> entries;

    /** The peers of {@code keys} ({@code none}: no peer); an unknown key is a usage error. */
    BurstPeers(List<String> keys) {
        this.entries = keys.stream()
                .filter(key -> !key.isBlank() && !key.equals("none"))
                .map(BurstPeers::entry)
                .toList();
    }

    private static Peers.Entry entry(String key) {
        Peers.Entry entry = Peers.named(key);
        if (entry.otherDeadlines()) {
            throw new IllegalArgumentException(
                    "--peers " + key + ": a burst has one kind of deadline, its target second; use rabbitmq-ttl");
        }
        return entry;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<String> keys() {
        return entries.stream().map(Peers.Entry::key).toList();
    }

    /**
     * {@code orderclock}'s row, then each peer's through {@code burstDueAt} its own target second,
     * {@code until} after the moment its run starts.
     */
    CompareTable measure(
            Figures orderclock,
            Map<String, Object> header,
            PeerRun peerRun,
            Function<Instant, Workload> burstDueAt,
            Duration until,
            InstantSource clock) {
        CompareTable table = CompareTable.ofBurst(header);
        table.add(orderclock);
        for (Peers.Entry entry : entries) {
            Instant targetSecond = clock.instant().plus(until).truncatedTo(ChronoUnit.SECONDS);
            Progress.step("== " + entry.key() + ": the same orders will fall due from " + targetSecond);
            Figures row = peerRun.row(entry.key(), entry, burstDueAt.apply(targetSecond), table);
            if (row.createdPerSecond() != null
                    && row.createdPerSecond() > 0
                    && row.created() / row.createdPerSecond() > until.toSeconds() - 1) {
                table.note(row.system() + ": creation ran into its target second, so its closes shared the CPU "
                        + "with creation and fell due over more than the burst's seconds; raise --due-in");
            }
            table.add(row);
        }
        notes(table);
        return table;
    }

    private static void notes(CompareTable table) {
        table.note("one system after the other, none running while another does: orderclock first (its server "
                + "stopped before the peers start), then each peer, a library in the bench's JVM with its own orders "
                + "and stock tables in a fresh schema of --postgres; every system's deadlines fall within a target "
                + "second of its own, as far from the start of its creation as orderclock's");
        table.note("orderclock's orders are created through its HTTP API, a peer's by plain JDBC into PostgreSQL "
                + "(reserve stock, insert the order) and then handed to the peer; every close is the same conditional "
                + "update (still PENDING_PAYMENT and due), which returns the stock in the same transaction");
        table.note("closes/s: closes over first-to-last, from the orders' own closed_at; lag: closed_at - deadline; "
                + CompareNotes.loadAtTheEnd() + ", shared with the bench's client threads");
    }
}
