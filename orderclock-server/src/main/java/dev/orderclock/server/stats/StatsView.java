package dev.orderclock.server.stats;

import java.util.Map;

/** {@code GET /api/stats} (API.md, Operations). */
public record StatsView(Map<String, Long> orders, long closedByTimeout, CloseRecorder.CloseLag closeLag,
                        EngineView engine) {

    /** The engine as it runs here: {@code embedded} (the local wheel) or, later, {@code cluster}. */
    public record EngineView(String mode, long inMemory, long horizonSeconds) {
    }
}
