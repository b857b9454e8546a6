package dev.orderclock.bench.command;

import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.workload.OrderApi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The server a command measures: a child process the bench started (and stops), or one already
 * running that the bench only talks to. What can be measured depends on what is known of it: its pid
 * (memory), its data directory (statements).
 */
final class Target implements AutoCloseable {

    private final OrderApi api;
    private final String description;
    private final ServerProcess process;
    private final ServerDatabase database;
    private final Long pid;
    private final Path deleteOnClose;

    Target(OrderApi api, String description, ServerProcess process, ServerDatabase database, Long pid,
           Path deleteOnClose) {
        this.api = api;
        this.description = description;
        this.process = process;
        this.database = database;
        this.pid = pid;
        this.deleteOnClose = deleteOnClose;
    }

    OrderApi api() {
        return api;
    }

    String description() {
        return description;
    }

    Optional<ServerProcess> process() {
        return Optional.ofNullable(process);
    }

    Optional<ServerDatabase> database() {
        return Optional.ofNullable(database);
    }

    OptionalLong pid() {
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process != null) {
            process.close();
        }
        if (deleteOnClose != null) {
            deleteTree(deleteOnClose);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
