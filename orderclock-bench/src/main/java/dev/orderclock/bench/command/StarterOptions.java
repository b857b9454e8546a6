package dev.orderclock.bench.command;

import dev.orderclock.bench.starter.Contender;
import dev.orderclock.bench.starter.ShopTable;

import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** Which databases and which closers a {@code starter-*} command measures, in the order given. */
public final class StarterOptions {

    @Option(
            names = "--db",
            split = ",",
            defaultValue = "mariadb,postgresql",
            description = "mariadb (127.0.0.1:3306 root, a database of the run's own) and/or postgresql "
                    + "(127.0.0.1:5432 postgres, database test, a schema of the run's own) (default: ${DEFAULT-VALUE})")
    List<String> databases;

    @Option(
            names = "--contenders",
            split = ",",
            defaultValue = "starter,scan",
            description = "starter (TableDeadlineSource + DeadlineEngine, default settings) and/or scan (the job that "
                    + "scans every 1 s) (default: ${DEFAULT-VALUE})")
    List<String> contenders;

    /** Fails on an unknown name before anything is created on a database. */
    void validate() {
        databases();
        contenders().forEach(contender -> {});
    }

    List<ShopTable.Database> databases() {
        return databases.stream()
                .map(name -> switch (name.trim().toLowerCase(Locale.ROOT)) {
                    case "mariadb" -> ShopTable.Database.MARIADB;
                    case "postgresql", "postgres" -> ShopTable.Database.POSTGRESQL;
                    default ->
                        throw new IllegalArgumentException("unknown --db '" + name + "': use mariadb or postgresql");
                })
                .toList();
    }

    List<Contender> contenders() {
        return contenders.stream()
                .map(name -> Contender.named(name.trim().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
