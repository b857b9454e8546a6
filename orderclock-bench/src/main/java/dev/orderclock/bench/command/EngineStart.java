package dev.orderclock.bench.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine's one start-up line, read from the server's log: how long the start took and how many
 * overdue orders it closed first (the backlog a restart leaves), which is how fast a backlog drains.
 */
record EngineStart(long millis, long backlog) {

    private static final Pattern LINE =
            Pattern.compile("deadline engine started in (\\d+) ms: closed a backlog of (\\d+) overdue");

    static Optional<EngineStart> read(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            // The last start: a data directory keeps the log of every start on it.
            return lines.map(LINE::matcher)
                    .filter(Matcher::find)
                    .reduce((first, second) -> second)
                    .map(m -> new EngineStart(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the server log " + log, e);
        }
    }

    /** Backlog closed per second of the engine's start (which also loads the first horizon). */
    double backlogPerSecond() {
        return millis == 0 ? 0 : Math.round(backlog * 1000.0 / millis);
    }
}
