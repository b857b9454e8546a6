package dev.orderclock.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintStream;

/** Prints a command's figures as one indented JSON object, the form every {@code --json} takes. */
public final class Json {

    private Json() {}

    public static void print(PrintStream out, Object figures) {
        try {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(figures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures not serialisable", e);
        }
    }
}
