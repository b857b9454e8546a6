package dev.orderclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A bench command line run in this JVM: its exit code and what it printed, read as JSON when there is any. */
public record PrintedRun(int exit, JsonNode report) {

    public static PrintedRun of(String... args) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = Bench.execute(args);
        } finally {
            System.setOut(console);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        return new PrintedRun(exit, text.isBlank() ? null : new ObjectMapper().readTree(text));
    }
}
