package dev.orderclock.simulator;

import java.util.Random;

/**
 * The simulator's one source of chance (faults, trade and notification numbers): seeded from
 * {@code orderclock.sim.seed} when a test wants the same run twice. Safe for concurrent use.
 */
public final class SimRandom {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Random random;

    public SimRandom(long seed) {
        this.random = new Random(seed);
    }

    /** True with the given probability: never for 0, always for 1. */
    public boolean chance(double rate) {
        return rate >= 1 || (rate > 0 && random.nextDouble() < rate);
    }

    /** A whole number from 0 (inclusive) to {@code bound} (exclusive). */
    public long below(long bound) {
        return bound <= 0 ? 0 : Math.floorMod(random.nextLong(), bound);
    }

    public String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    public String hex(int count) {
        StringBuilder hex = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            hex.append(HEX[random.nextInt(16)]);
        }
        return hex.toString();
    }
}
