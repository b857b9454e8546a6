package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.ServerMemory;
import dev.orderclock.bench.measurement.StatementCounter;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.OrderApi;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The server-side figures every command reports the same way: memory, the server's own stats, statements. */
final class ServerFigures {

    private ServerFigures() {}

    /** Live heap after a full GC and RSS when the pid is known; otherwise the heap gauge from Prometheus, before GC. */
    static void memory(Report report, Map<String, Object> server, Target target)
            throws IOException, InterruptedException {
        if (target.pids().size() > 1) {
            perNode(report, server, target.pids());
            return;
        }
        if (target.pid().isPresent()) {
            ServerMemory.Reading memory = ServerMemory.read(target.pid().getAsLong());
            server.put("heapUsedAfterFullGcMiB", ServerMemory.mib(memory.heapUsedBytes()));
            server.put("heapCommittedMiB", ServerMemory.mib(memory.heapCommittedBytes()));
            server.put("rssMiB", ServerMemory.mib(memory.rssBytes()));
            return;
        }
        String prometheus = target.api().prometheus();
        if (prometheus == null) {
            report.note("heap and RSS not measured: no --pid and /actuator/prometheus not reachable");
            return;
        }
        double heap = prometheus
                .lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        server.put("heapUsedBeforeGcMiB", ServerMemory.mib(OptionalLong.of((long) heap)));
        report.note("RSS not measured and heap read without a GC: pass --pid for both");
    }

    /** Each node's figures under {@code nodeN...} keys, and their sums under the single server's keys. */
    private static void perNode(Report report, Map<String, Object> server, List<Long> pids)
            throws InterruptedException {
        long heap = 0, committed = 0, rss = 0;
        boolean complete = true;
        for (int i = 0; i < pids.size(); i++) {
            ServerMemory.Reading memory = ServerMemory.read(pids.get(i));
            String node = "node" + (i + 1);
            server.put(node + "HeapUsedAfterFullGcMiB", ServerMemory.mib(memory.heapUsedBytes()));
            server.put(node + "HeapCommittedMiB", ServerMemory.mib(memory.heapCommittedBytes()));
            server.put(node + "RssMiB", ServerMemory.mib(memory.rssBytes()));
            complete &= memory.heapUsedBytes().isPresent() && memory.rssBytes().isPresent();
            heap += memory.heapUsedBytes().orElse(0);
            committed += memory.heapCommittedBytes().orElse(0);
            rss += memory.rssBytes().orElse(0);
        }
        server.put("heapUsedAfterFullGcMiB", ServerMemory.mib(OptionalLong.of(heap)));
        server.put("heapCommittedMiB", ServerMemory.mib(OptionalLong.of(committed)));
        server.put("rssMiB", ServerMemory.mib(OptionalLong.of(rss)));
        report.note(
                "heap and RSS: per node under nodeN..., summed over the " + pids.size() + " nodes under the plain keys"
                        + (complete ? "" : " (a node did not answer: the sums are incomplete)"));
    }

    /** The server's own view from {@code GET /api/stats}: deadlines in memory, its close-lag histogram. */
    static void stats(Report report, Map<String, Object> server, OrderApi api)
            throws IOException, InterruptedException {
        OrderApi.Answer stats = api.stats();
        if (!stats.is(200) || stats.body() == null) {
            report.note("GET /api/stats answered " + stats.status() + ": the server's own figures are missing");
            return;
        }
        JsonNode body = stats.body();
        server.put("deadlinesInMemory", body.path("engine").path("inMemory").asLong());
        server.put("pendingOrders", body.path("orders").path("PENDING_PAYMENT").asLong());
        server.put("closedByTimeoutTotal", body.path("closedByTimeout").asLong());
        JsonNode lag = body.path("closeLag");
        server.put("ownCloseLagP50Ms", lag.path("p50Ms").asDouble());
        server.put("ownCloseLagP99Ms", lag.path("p99Ms").asDouble());
        server.put("ownCloseLagMaxMs", lag.path("maxMs").asDouble());
    }

    /** Closed-by-timeout count from the stats, or -1 when the server has no stats endpoint. */
    static long closedByTimeout(OrderApi api) throws IOException, InterruptedException {
        OrderApi.Answer stats = api.stats();
        return stats.is(200) && stats.body() != null
                ? stats.body().path("closedByTimeout").asLong(-1)
                : -1;
    }

    /**
     * {@code orderclock_sweeper_claimed_total} summed over every node (and every tag): deadlines the
     * safety net closed because no timer had. Null when a node's {@code /actuator/prometheus} did not answer.
     */
    static Long sweeperClaimed(List<OrderApi> nodes) throws IOException, InterruptedException {
        double claimed = 0;
        for (OrderApi node : nodes) {
            String prometheus = node.prometheus();
            if (prometheus == null) {
                return null;
            }
            claimed += prometheus
                    .lines()
                    .filter(l -> l.startsWith("orderclock_sweeper_claimed_total{")
                            || l.startsWith("orderclock_sweeper_claimed_total "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }
        return Math.round(claimed);
    }

    static void statements(Map<String, Object> database, StatementCounter.Issued issued) {
        database.put("windowSeconds", Math.round(issued.seconds() * 10) / 10.0);
        database.put("statements", issued.total());
        database.put("statementsPerMinute", issued.perMinute());
        database.put("commitStatements", issued.commits());
        database.put("commitStatementsPerMinute", issued.commitsPerMinute());
        database.put("top", issued.top(12));
    }
}
