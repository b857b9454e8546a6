package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.CompareTable;
import dev.orderclock.bench.report.Json;
import dev.orderclock.bench.report.Report;

import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a command prints its report. */
public final class OutputOptions {

    @Option(names = "--json", description = "print the report as one JSON object")
    boolean json;

    void print(Report report) {
        if (json) {
            report.printJson(System.out);
        } else {
            report.printText(System.out);
        }
        System.out.flush();
    }

    /** The report, then the table of the systems measured beside it (in JSON under "versus"). */
    void print(Report report, CompareTable versus) {
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>(report.asMap());
            all.put("versus", versus.asMap());
            Json.print(System.out, all);
        } else {
            report.printText(System.out);
            System.out.println();
            versus.printText(System.out);
        }
        System.out.flush();
    }
}
