package dev.orderclock.bench.compare;

import dev.orderclock.bench.measurement.CloseObserver;
import dev.orderclock.bench.report.Json;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The result of a {@code compare}, or of the systems of a {@code burst}: one row per system, each
 * figure with its ratio to orderclock's (the first row), printed as a table for a person or as one
 * JSON object.
 */
public final class CompareTable {

    private record Column(
            String heading, Function<Figures, Number> value, boolean decimals, Function<Figures, String> text) {
        Column(String heading, Function<Figures, Number> value, boolean decimals) {
            this(heading, value, decimals, null);
        }
    }

    private static final List<Column> MAIN = List.of(
            new Column("created/s", Figures::createdPerSecond, false),
            new Column("closes/s", Figures::closesPerSecond, false),
            new Column("lag p50 ms", Figures::lagP50Ms, false),
            new Column("lag p99 ms", Figures::lagP99Ms, false),
            new Column("lag max ms", Figures::lagMaxMs, false),
            new Column("seen p50 ms", Figures::observedLagP50Ms, false),
            new Column("seen p99 ms", Figures::observedLagP99Ms, false),
            new Column("statements", Figures::statements, false),
            new Column("commits", Figures::commits, false),
            new Column("heap MiB", Figures::heapMiB, true));

    private static final List<Column> CORRECTNESS = List.of(
            new Column("created", Figures::created, false),
            new Column("closed", Figures::closed, false),
            new Column("late", Figures::late, false),
            new Column("missed", Figures::missed, false),
            new Column("paid", Figures::paidAccepted, false, Figures::paidText),
            new Column("paid closed", Figures::paidClosed, false),
            new Column("closed twice", Figures::closedTwice, false),
            new Column("stock ok", f -> f.stockConserved() == null ? null : (f.stockConserved() ? 1 : 0), false),
            new Column("pg scans", Figures::tableScans, false),
            new Column("pg rows written", Figures::rowsWritten, false),
            new Column("RSS MiB", Figures::rssMiB, true),
            new Column("swept", Figures::sweeperClaimed, false));

    /** A burst's close work alike for every system: its pace, spread and lateness first. */
    private static final List<Column> BURST = List.of(
            new Column("closes/s", Figures::closesPerSecond, false),
            new Column("first-to-last ms", Figures::firstToLastCloseMs, false),
            new Column("lag p50 ms", Figures::lagP50Ms, false),
            new Column("lag p99 ms", Figures::lagP99Ms, false),
            new Column("lag max ms", Figures::lagMaxMs, false),
            new Column("seen p50 ms", Figures::observedLagP50Ms, false),
            new Column("seen p99 ms", Figures::observedLagP99Ms, false));

    private static final List<Column> BURST_CORRECTNESS = List.of(
            new Column("created", Figures::created, false),
            new Column("closed", Figures::closed, false),
            new Column("late", Figures::late, false),
            new Column("missed", Figures::missed, false),
            new Column("closed twice", Figures::closedTwice, false),
            new Column("stock ok", f -> f.stockConserved() == null ? null : (f.stockConserved() ? 1 : 0), false),
            new Column("statements", Figures::statements, false),
            new Column("pg scans", Figures::tableScans, false),
            new Column("pg rows written", Figures::rowsWritten, false),
            new Column("swept", Figures::sweeperClaimed, false));

    private final String command;
    private final List<Column> figures;
    private final List<Column> correctness;
    private final Map<String, Object> workload;
    private final List<Figures> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** The table of {@code compare}: creation and close figures, statements, commits and heap. */
    public CompareTable(Map<String, Object> workload) {
        this("compare", MAIN, CORRECTNESS, workload);
    }

    private CompareTable(String command, List<Column> figures, List<Column> correctness, Map<String, Object> workload) {
        this.command = command;
        this.figures = figures;
        this.correctness = correctness;
        this.workload = workload;
    }

    /** The table of {@code burst}'s systems: the close figures of the same burst, each system on its own. */
    public static CompareTable ofBurst(Map<String, Object> workload) {
        return new CompareTable("burst", BURST, BURST_CORRECTNESS, workload);
    }

    public void add(Figures figures) {
        rows.add(figures);
    }

    public void note(String note) {
        notes.add(note);
    }

    public List<Figures> rows() {
        return List.copyOf(rows);
    }

    /**
     * The run can be trusted: every system ran and closed no paid order, nothing twice, and kept the
     * stock, and the first system (orderclock by default) missed no close.
     */
    public boolean trustworthy() {
        return rows.stream().allMatch(Figures::safe)
                && (rows.isEmpty() || rows.get(0).correct());
    }

    public void printText(PrintStream out) {
        out.println("== orderclock-bench " + command);
        workload.forEach((key, value) -> out.printf(Locale.ROOT, "  %-24s %s%n", key, value));
        out.println();
        String base = rows.isEmpty() ? "orderclock" : rows.get(0).system();
        out.println("Figures, with the ratio to " + base + "'s in brackets (x2.0 = twice its figure):");
        printColumns(out, figures, true);
        out.println("  lag: closed_at - deadline as each system records it; seen: deadline to the moment an outside "
                + "observer saw the order no longer pending, polling the system's orders table every "
                + CloseObserver.INTERVAL.toMillis()
                + " ms after its previous answer (late by at most that plus one query; "
                + "per row below)");
        out.println();
        out.println(
                "Correctness and database work (stock ok: 1 = every unit is on the shelf or held by a pending or paid order;");
        out.println((correctness == CORRECTNESS ? "  paid: payments the channel accepted / payments intended; " : "  ")
                + "swept: orderclock's closes by its sweeper, the safety net, instead of its timers):");
        printColumns(out, correctness, false);
        out.println();
        out.println("How each system was configured:");
        for (Figures row : rows) {
            out.println("  " + row.system() + " [" + row.deadlines() + "]: " + row.configuration());
            if (row.observer() != null) {
                out.println("    seen: " + row.observer());
            }
            if (row.failure() != null) {
                out.println("    FAILED: " + row.failure());
            }
        }
        out.println();
        for (String note : notes) {
            out.println("note: " + note);
        }
    }

    private void printColumns(PrintStream out, List<Column> columns, boolean ratios) {
        int nameWidth = rows.stream().mapToInt(r -> r.system().length()).max().orElse(10) + 2;
        int width = ratios ? 19 : 17;
        StringBuilder heading = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", "system"));
        columns.forEach(c -> heading.append(String.format(Locale.ROOT, "%" + width + "s", c.heading())));
        out.println(heading);
        Figures base = rows.isEmpty() ? null : rows.get(0);
        for (Figures row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + nameWidth + "s", row.system()));
            for (Column column : columns) {
                Number value = column.value().apply(row);
                String text = column.text() != null ? column.text().apply(row) : number(value, column.decimals());
                if (ratios && row != base) {
                    text += " "
                            + ratio(value, base == null ? null : column.value().apply(base));
                }
                line.append(String.format(Locale.ROOT, "%" + width + "s", text));
            }
            out.println(line);
        }
    }

    private static String number(Number value, boolean decimals) {
        if (value == null) {
            return "n/a";
        }
        return decimals
                ? String.format(Locale.ROOT, "%,.1f", value.doubleValue())
                : String.format(Locale.ROOT, "%,d", Math.round(value.doubleValue()));
    }

    private static String ratio(Number value, Number base) {
        Double ratio = ratioOf(value, base);
        if (ratio == null) {
            return "(-)";
        }
        return ratio >= 100
                ? String.format(Locale.ROOT, "(x%,.0f)", ratio)
                : String.format(Locale.ROOT, "(x%.2g)", ratio);
    }

    static Double ratioOf(Number value, Number base) {
        if (value == null || base == null || base.doubleValue() == 0) {
            return null;
        }
        return value.doubleValue() / base.doubleValue();
    }

    public Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("command", command);
        all.put("workload", workload);
        List<Map<String, Object>> systems = new ArrayList<>();
        Figures base = rows.isEmpty() ? null : rows.get(0);
        ObjectMapper mapper = new ObjectMapper();
        for (Figures row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = mapper.convertValue(row, LinkedHashMap.class);
            Map<String, Double> ratios = new LinkedHashMap<>();
            for (Column column : figures) {
                ratios.put(
                        column.heading(),
                        base == null
                                ? null
                                : ratioOf(
                                        column.value().apply(row),
                                        column.value().apply(base)));
            }
            entry.put("ratio", ratios);
            entry.put("correct", row.correct());
            systems.add(entry);
        }
        all.put("ratioBase", base == null ? null : base.system());
        all.put("systems", systems);
        all.put("notes", notes);
        return all;
    }

    public void printJson(PrintStream out) {
        Json.print(out, asMap());
    }
}
