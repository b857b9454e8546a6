package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.StatementCountingDataSource;
import dev.orderclock.bench.measurement.Progress;
import dev.orderclock.bench.report.Report;
import dev.orderclock.bench.starter.Contender;
import dev.orderclock.bench.starter.ShopTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code starter-burst}: the starter's engine against the 1-s scan job on the example shop's table,
 * same machine, same run: {@code --orders} unpaid orders seeded straight into {@code t_order}, all
 * due within one second (or over {@code --spread}), closed with the same conditional update and stock return by each contender
 * in turn (the tables emptied and reseeded between them). Closes per second over first→last recorded
 * close; lag = {@code close_time − pay_expire_time} per order.
 */
@Command(
        name = "starter-burst",
        mixinStandardHelpOptions = true,
        description =
                "Starter vs scan-every-1-s on a shop's own table (MariaDB, PostgreSQL): burst closes/s and close lag.")
public final class StarterBurstCommand implements Callable<Integer> {

    @Mixin
    StarterOptions options;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--orders",
            defaultValue = "100000",
            description = "orders due within one second (default: ${DEFAULT-VALUE})")
    long orders;

    @Option(
            names = "--spread",
            defaultValue = "1s",
            converter = DurationConverter.class,
            description =
                    "the deadlines are spread evenly over this long: 1s is a burst, 60s with --orders 30000 is 500 closes/s (default: ${DEFAULT-VALUE})")
    Duration spread;

    @Option(
            names = "--lead",
            defaultValue = "20s",
            converter = DurationConverter.class,
            description =
                    "from the start of seeding to the first deadline; seeding and start-up must fit in it (default: ${DEFAULT-VALUE})")
    Duration lead;

    @Option(
            names = "--max-wait",
            defaultValue = "300s",
            converter = DurationConverter.class,
            description = "how long after the burst to wait for every order to close (default: ${DEFAULT-VALUE})")
    Duration maxWait;

    @Override
    public Integer call() throws Exception {
        if (orders < 1) {
            throw new IllegalArgumentException("--orders must be at least 1");
        }
        options.validate();
        if (spread.isNegative() || spread.isZero()) {
            throw new IllegalArgumentException("--spread must be positive");
        }
        Report report = new Report("starter-burst --orders " + orders + " --spread " + spread.toMillis() + "ms");
        boolean allClosedOnce = true;
        for (ShopTable.Database database : options.databases()) {
            try (ShopTable shop = ShopTable.create(database)) {
                for (Contender contender : options.contenders()) {
                    Map<String, Object> figures = report.section(database.label() + ", " + contender.name());
                    allClosedOnce &= burst(shop, contender, figures);
                    // Each result as soon as it is known: a later failure must not lose it.
                    System.err.println("[bench] " + database.label() + ", " + contender.name() + ": " + figures);
                }
            }
        }
        report.note(
                "closes/s = closed orders / (last close_time - first close_time); lag = close_time - pay_expire_time."
                        + " Both contenders run in this JVM; the database and the bench share the machine's cores.");
        output.print(report);
        return allClosedOnce ? 0 : 1;
    }

    private boolean burst(ShopTable shop, Contender contender, Map<String, Object> figures) throws Exception {
        shop.reset();
        Instant firstDue = Instant.now().plus(lead);
        try (Progress progress = Progress.of("seeding " + orders + " orders (" + shop.description() + ")", () -> "")) {
            shop.seed(orders, firstDue, spread);
        }
        if (Instant.now().plusSeconds(2).isAfter(firstDue)) {
            throw new IllegalArgumentException("seeding " + orders + " orders took longer than --lead "
                    + lead.toSeconds() + " s minus 2 s of start-up: raise --lead");
        }
        StatementCountingDataSource counted = new StatementCountingDataSource(shop.dataSource());
        Instant waitUntil = firstDue.plus(spread).plus(maxWait);
        try (contender) {
            contender.start(shop, counted);
            try (Progress progress = Progress.of(contender.name() + " closing", () -> "")) {
                while (shop.pending() > 0 && Instant.now().isBefore(waitUntil)) {
                    TimeUnit.MILLISECONDS.sleep(500);
                }
            }
        }
        long pending = shop.pending();
        long[] lags = shop.lagsMillis();
        Arrays.sort(lags);
        long closed = lags.length;
        figures.put("database", shop.description());
        figures.put("orders", orders);
        figures.put("closed", closed);
        figures.put("stillPending", pending);
        if (closed > 0) {
            Instant[] span = shop.closeSpan();
            double seconds = Math.max(0.001, Duration.between(span[0], span[1]).toNanos() / 1e9);
            figures.put("closesPerSecond", closed / seconds);
            figures.put("firstToLastCloseSeconds", seconds);
            figures.put("lagP50Ms", percentile(lags, 0.50));
            figures.put("lagP99Ms", percentile(lags, 0.99));
            figures.put("lagMaxMs", lags[lags.length - 1]);
        }
        long returns = shop.stockReturns();
        long returned = shop.stockReturned();
        figures.put("stockReturns", returns);
        figures.put("stockReturned", returned);
        figures.put("statements", counted.statements());
        figures.put("commits", counted.commits());
        return pending == 0 && closed == orders && returns == orders && returned == orders;
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
