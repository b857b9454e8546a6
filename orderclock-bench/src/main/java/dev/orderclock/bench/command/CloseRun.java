package dev.orderclock.bench.command;

import dev.orderclock.bench.cluster.ClusterActivity;
import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.measurement.CloseReadback;
import dev.orderclock.bench.measurement.PendingProbe;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.measurement.ServerProfile;
import dev.orderclock.bench.measurement.StatementCounter;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.workload.Catalogue;
import dev.orderclock.bench.workload.CreatedOrder;
import dev.orderclock.bench.workload.OrderApi;
import dev.orderclock.bench.workload.OrderLoad;
import dev.orderclock.bench.workload.Payments;
import dev.orderclock.order.OrderId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One close workload end to end, shared by {@code run} and {@code burst}: create orders through the
 * API, wait until every deadline plus the grace period has passed, then read the orders back and
 * report creation pace, close pace, close lag, missed closes, statements and server memory.
 */
final class CloseRun {

    /**
     * The workload: the load itself, the paid share and its lead, the grace after which a close is
     * late, and how long past the last deadline plus grace the bench waits for late closes.
     */
    record Plan(
            OrderLoad.Settings load,
            String timeoutsDescription,
            double paidShare,
            Duration payLead,
            Duration grace,
            Duration drain,
            int products,
            boolean profile) {}

    private final Target target;
    private final InstantSource clock;

    CloseRun(Target target, InstantSource clock) {
        this.target = target;
        this.clock = clock;
    }

    /** Products with stock for {@code orders} spread over them, under a fresh SKU prefix (a reused server keeps old ones). */
    static Catalogue catalogue(OrderApi api, int products, long orders) throws IOException, InterruptedException {
        String prefix = "B"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000))
                        .toUpperCase();
        long stockEach = orders / products + orders / 10 + 1_000;
        return Catalogue.create(api, prefix, products, stockEach);
    }

    Report execute(String command, Plan plan, Catalogue catalogue) throws Exception {
        OrderApi api = target.api();
        Report report = new Report(command);
        for (String section : new String[] {"workload", "create", "close", "database", "server"}) {
            report.section(section);
        }
        Payments payments = payments(plan, catalogue, report);
        long closedBefore = ServerFigures.closedByTimeout(api);
        Long sweptBefore = ServerFigures.sweeperClaimed(target.nodes());
        Optional<ClusterActivity> activity = clusterActivity();
        Optional<StatementCounter> counter = activity.isPresent() ? Optional.empty() : statementCounter(report);
        StatementCounter.Snapshot before = counter.isPresent() ? counter.get().snapshot() : null;
        Optional<PendingProbe> probe = activity.isPresent()
                ? activity.map(ClusterActivity::pendingProbe)
                : counter.map(PendingProbe.class::cast);
        if (activity.isPresent()) {
            activity.get().creationStarts();
        }
        Optional<CloseObserver> observer = ObservedLag.observer(target, activity, clock, report);
        observer.ifPresent(CloseObserver::start);

        OrderLoad load = new OrderLoad(target.nodes(), catalogue, clock);
        OrderLoad.Result created;
        try (Progress progress =
                Progress.of("creating", () -> load.done() + "/" + plan.load().orders())) {
            created = load.run(plan.load(), order -> {
                observer.ifPresent(
                        watching -> watching.expect(OrderId.parse(order.id()).orElseThrow(), order.payDeadline()));
                if (payments != null) {
                    payments.consider(order);
                }
            });
        }
        if (activity.isPresent()) {
            activity.get().creationEnded();
        }
        Progress.step(String.format(
                "created %,d orders at %,.0f/s (%,d failed)",
                created.created().size(), created.perSecond(), created.failed()));
        Instant lastDeadline = created.created().stream()
                .map(CreatedOrder::payDeadline)
                .max(Instant::compareTo)
                .orElse(clock.instant());
        ServerProfile profile = plan.profile() ? startProfile(report) : null;
        new CloseWait(api, probe, clock)
                .await(
                        created.created().size(),
                        closedBefore,
                        payments,
                        lastDeadline,
                        plan.grace().plus(plan.drain()));
        if (observer.isPresent()) {
            observer.get().close();
        }
        if (activity.isPresent()) {
            activity.get().closesEnded();
        }
        if (profile != null) {
            Map<String, Object> section = report.section("profile of the close phase");
            section.putAll(profile.stop(15));
            section.put("recording", profile.file().toString());
        }

        if (counter.isPresent()) {
            ServerFigures.statements(
                    report.section("database"), counter.get().snapshot().since(before));
            counter.get().close();
        }
        ServerFigures.memory(report, report.section("server"), target);
        ServerFigures.stats(report, report.section("server"), api);
        if (payments != null) {
            payments.close();
        }
        Set<String> accepted = payments == null ? Set.of() : payments.accepted();
        Map<String, CreatedOrder> ours = new HashMap<>();
        created.created().forEach(order -> ours.put(order.id(), order));
        Progress.step("reading " + ours.size() + " orders back through GET /api/orders");
        CloseReadback.Outcome outcome = CloseReadback.read(api, ours, accepted, clock.instant(), plan.grace());
        if (outcome.missed() > 0) {
            report.note(outcome.missed() + " orders still pending "
                    + plan.drain().toSeconds() + " s after their deadline plus grace (--drain)");
        }

        CloseSections.workload(report, plan, created, lastDeadline);
        CloseSections.close(report, outcome, payments, accepted);
        ObservedLag.report(report.section("close"), observer, outcome);
        Long sweptAfter = ServerFigures.sweeperClaimed(target.nodes());
        if (sweptBefore != null && sweptAfter != null) {
            report.section("close").put("sweeperClaimed", sweptAfter - sweptBefore);
        } else {
            report.note("orderclock_sweeper_claimed_total not read: /actuator/prometheus did not answer");
        }
        if (activity.isPresent()) {
            List<String> notes = new ArrayList<>();
            activity.get()
                    .report(
                            report.section("database"),
                            report.section("broker"),
                            notes,
                            created.created().size(),
                            outcome.closedByTimeout());
            notes.forEach(report::note);
            activity.get().close();
        }
        return report;
    }

    /** 0 when no close was missed and, where the database tells (cluster mode), no order was closed twice. */
    static int exitCode(Report report) {
        boolean missedNone = report.section("close").get("missedCloses") instanceof Long missed && missed == 0;
        boolean closedTwice = report.section("database").get("ordersClosedTwice") instanceof Long twice && twice > 0;
        return missedNone && !closedTwice ? 0 : 1;
    }

    private Payments payments(Plan plan, Catalogue catalogue, Report report) throws IOException, InterruptedException {
        if (plan.paidShare() <= 0) {
            return null;
        }
        if (target.nodes().size() > 1) {
            // Each node's built-in channel simulator keeps its trades in memory: a node closing an order
            // paid through another node's simulator would ask its own, which never saw the trade.
            report.note("payments not measured: with several nodes each has its own in-memory channel simulator; "
                    + "run --paid with --nodes 1");
            return null;
        }
        Optional<String> unsupported = Payments.unsupportedReason(target.api(), catalogue);
        if (unsupported.isPresent()) {
            report.note("payments not measured: " + unsupported.get());
            return null;
        }
        return new Payments(target.api(), plan.paidShare(), plan.payLead(), clock);
    }

    /** A JFR recording of the server from the end of creation to the last close, when its pid is known. */
    private ServerProfile startProfile(Report report) throws IOException, InterruptedException {
        if (target.pid().isEmpty()) {
            report.note("no profile: the server's pid is not known (--pid)");
            return null;
        }
        Path file = Files.createTempFile("orderclock-close-", ".jfr");
        Progress.step("recording a JFR profile of the close phase into " + file);
        return ServerProfile.start(target.pid().getAsLong(), file);
    }

    /** PostgreSQL's and RabbitMQ's counters, when the target is a cluster the bench started. */
    private Optional<ClusterActivity> clusterActivity() throws SQLException {
        if (target.cluster().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClusterActivity(target.cluster().get(), target.nodes()));
    }

    private Optional<StatementCounter> statementCounter(Report report) {
        if (target.database().isEmpty()) {
            report.note("database statements not counted: pass --data-dir of the server (started with "
                    + "QUERY_STATISTICS=TRUE;AUTO_SERVER=TRUE) or let the bench start it");
            return Optional.empty();
        }
        try {
            return Optional.of(StatementCounter.attach(target.database().get()));
        } catch (SQLException e) {
            report.note("database statements not counted: " + e.getMessage());
            return Optional.empty();
        }
    }
}
