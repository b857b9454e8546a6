package dev.orderclock.bench.command;

import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.server.ServerProcess;
import dev.orderclock.bench.server.ServerSettings;
import dev.orderclock.bench.workload.Seeder;

import java.sql.Connection;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Seeds a data directory with pending orders: the server creates the schema first (start, Flyway,
 * stop), because the bench must never guess the migrations; then the file is filled directly.
 */
final class Seeding {

    private Seeding() {}

    /** Returns how long the insert took (schema creation excluded). */
    static Duration seed(ServerSettings settings, ServerDatabase database, Seeder.Settings seed) throws Exception {
        if (!database.exists()) {
            Progress.step("creating the schema: starting the server once on " + database.dataDir());
            try (ServerProcess server = ServerProcess.start(settings, database, TargetOptions.newToken())) {
                Progress.step("schema ready after " + server.startedIn().toMillis() + " ms; stopping");
            }
        }
        Seeder seeder = new Seeder(InstantSource.system());
        long started = System.nanoTime();
        try (Connection connection = database.openExclusively();
                Progress progress =
                        Progress.of("seeding", () -> String.format("%,d/%,d", seeder.inserted(), seed.orders()))) {
            seeder.seed(connection, seed);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Progress.step(String.format(
                "seeded %,d pending orders in %.1f s (ANALYZE done)", seed.orders(), took.toMillis() / 1000.0));
        return took;
    }
}
