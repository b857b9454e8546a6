package dev.orderclock.bench.command;

import dev.orderclock.bench.report.Report;

import picocli.CommandLine.Option;

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
}
