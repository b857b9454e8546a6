package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.Figures;
import dev.orderclock.bench.report.Report;

import java.util.Map;

/** orderclock's row of the {@code compare} table, read from the report of its close run. */
final class OrderclockFigures {

    private OrderclockFigures() {}

    /** The embedded row. */
    static Figures from(Report report, String server, String deadlines) {
        return from(
                report,
                "orderclock (embedded)",
                "its server jar, " + server + ", embedded H2, the local timing "
                        + "wheel, engine defaults; orders created through POST /api/orders, paid through its simulated channel",
                deadlines);
    }

    /**
     * A row from a run's report: H2's statement counts for embedded; for cluster, PostgreSQL's
     * transactions as commits, its statements when counted, and its table scans and rows written.
     */
    static Figures from(Report report, String name, String configuration, String deadlines) {
        Map<String, Object> create = report.section("create");
        Map<String, Object> close = report.section("close");
        Map<String, Object> database = report.section("database");
        Map<String, Object> memory = report.section("server");
        Long statements;
        Long commits;
        if (database.containsKey("transactions")) {
            statements = asLong(database.get("statements"));
            commits = asLong(database.get("transactions"));
        } else {
            Long counted = asLong(database.get("statements"));
            commits = asLong(database.get("commitStatements"));
            statements = counted == null ? null : counted - (commits == null ? 0 : commits);
        }
        return new Figures(
                name,
                configuration,
                deadlines,
                number(report.section("workload").get("ordersCreated")),
                asDouble(create.get("ordersPerSecond")),
                asDouble(close.get("closesPerSecond")),
                asLong(close.get("firstToLastCloseMs")),
                asLong(close.get("lagP50Ms")),
                asLong(close.get("lagP99Ms")),
                asLong(close.get("lagMaxMs")),
                asLong(close.get("observedLagP50Ms")),
                asLong(close.get("observedLagP99Ms")),
                asLong(close.get("observedLagMaxMs")),
                number(close.get("closedByTimeout")),
                number(close.get("missedCloses")),
                number(close.get("closedLaterThanGrace")),
                number(close.get("paymentsAccepted")),
                asLong(close.get("paymentsIntended")),
                number(close.get("paidOrdersClosed")),
                asLong(database.get("ordersClosedTwice")),
                null,
                statements,
                commits,
                asLong(database.get("tableScans")),
                asLong(database.get("rowsWritten")),
                asDouble(memory.get("heapUsedAfterFullGcMiB")),
                asDouble(memory.get("rssMiB")),
                asLong(close.get("sweeperClaimed")),
                close.get("observer") instanceof String text ? text : null,
                null);
    }

    private static long number(Object value) {
        Long parsed = asLong(value);
        return parsed == null ? 0 : parsed;
    }

    private static Long asLong(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        return null;
    }

    /** Numbers, and the memory figures the report keeps as text ("23.5", or "n/a"). */
    private static Double asDouble(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
