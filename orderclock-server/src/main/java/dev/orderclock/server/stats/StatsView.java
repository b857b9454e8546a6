package dev.orderclock.server.stats;

import java.util.Map;

/**
 * {@code GET /api/stats} (API.md, Operations), and {@code countedAt}: when the database counted the
 * orders (at most a second or so before, see {@link OrderCounts}).
 */
public record StatsView(Map<String, Long> orders, long closedByTimeout, CloseRecorder.CloseLag closeLag,
                        EngineView engine, String countedAt) {

    /** The engine as it runs here: {@code embedded} (the local wheel) or {@code cluster}. */
    public record EngineView(String mode, long inMemory, long horizonSeconds) {
    }
}
