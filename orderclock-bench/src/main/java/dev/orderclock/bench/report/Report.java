package dev.orderclock.bench.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one command, in named sections, printed for a person or as one JSON object.
 * Keys carry their unit ({@code p99Ms}, {@code perSecond}) so the JSON needs no legend.
 */
public final class Report {

    private final String command;
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public Report(String command) {
        this.command = command;
    }

    /** The section of that name, created empty on first use; insertion order is printing order. */
    public Map<String, Object> section(String name) {
        return sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
    }

    /** A sentence a reader must see next to the figures: what was not measured, and why. */
    public void note(String note) {
        notes.add(note);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("command", command);
        all.putAll(sections);
        all.put("notes", notes);
        return all;
    }

    public void printJson(PrintStream out) {
        Json.print(out, asMap());
    }

    public void printText(PrintStream out) {
        out.println("== orderclock-bench " + command);
        sections.forEach((name, figures) -> {
            out.println(name);
            figures.forEach((key, value) -> {
                if (value instanceof Map<?, ?> nested) {
                    out.printf(Locale.ROOT, "  %s%n", key);
                    nested.forEach((k, v) -> out.printf(Locale.ROOT, "    %12s  %s%n", text(v), k));
                } else {
                    out.printf(Locale.ROOT, "  %-34s %s%n", key, text(value));
                }
            });
        });
        for (String note : notes) {
            out.println("note: " + note);
        }
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%,.1f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }
}
