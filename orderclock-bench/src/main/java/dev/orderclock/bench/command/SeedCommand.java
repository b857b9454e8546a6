package dev.orderclock.bench.command;

import dev.orderclock.bench.server.ServerDatabase;
import dev.orderclock.bench.workload.Seeder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code seed}: bulk-inserts pending orders into a stopped server's data directory. */
@Command(
        name = "seed",
        mixinStandardHelpOptions = true,
        description = "Insert pending orders (lines, stock reserved) straight into a stopped server's H2 file.")
public final class SeedCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--orders", defaultValue = "1000000", description = "pending orders (default: ${DEFAULT-VALUE})")
    long orders;

    @Option(
            names = "--due-from",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "first deadline, from now (default: ${DEFAULT-VALUE})")
    Duration dueFrom;

    @Option(
            names = "--spread",
            defaultValue = "30m",
            converter = DurationConverter.class,
            description = "deadlines uniform over this long after --due-from (default: ${DEFAULT-VALUE})")
    Duration spread;

    @Option(names = "--products", defaultValue = "16", description = "SKUs (SEED-0..) (default: ${DEFAULT-VALUE})")
    int products;

    @Option(
            names = "--in-order",
            description = "deadlines in the order of the ids (ten million in minutes instead of an hour), for figures "
                    + "that close none of them (idle statements, heap); without it, at random")
    boolean inOrder;

    @Override
    public Integer call() throws Exception {
        target.requireEmbedded("seed");
        if (target.dataDir == null) {
            throw new IllegalArgumentException("seed needs --data-dir");
        }
        Seeding.seed(
                target.settings(),
                ServerDatabase.of(target.dataDir, target.jar),
                new Seeder.Settings(orders, products, dueFrom, spread, 1000, "CNY", !inOrder));
        return 0;
    }
}
