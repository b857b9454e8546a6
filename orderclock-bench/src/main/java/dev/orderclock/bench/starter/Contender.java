package dev.orderclock.bench.starter;

import dev.orderclock.bench.compare.StatementCountingDataSource;

/** Something that closes the shop's due orders until stopped: the starter's engine or the 1-s scan job. */
public interface Contender extends AutoCloseable {

    String name();

    /** Starts closing, through {@code counted} so that its own statements and commits are counted. */
    void start(ShopTable shop, StatementCountingDataSource counted);

    @Override
    void close() throws InterruptedException;

    static Contender named(String name) {
        return switch (name) {
            case "starter" -> new StarterContender();
            case "scan" -> new ScanContender();
            default -> throw new IllegalArgumentException("unknown contender '" + name + "': use starter or scan");
        };
    }
}
