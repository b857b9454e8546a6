package dev.orderclock.boot.actuate;

import dev.orderclock.deadline.DeadlineEngine;

import java.util.Map;

/** What the health indicators of Boot 3 and Boot 4 report: UP while the engine runs, DOWN otherwise. */
record OrderClockHealth(boolean up, Map<String, Object> details) {

    static OrderClockHealth of(DeadlineEngine engine) {
        return new OrderClockHealth(
                engine.isRunning(),
                Map.of(
                        "state", engine.isRunning() ? "started" : "stopped",
                        "inMemory", engine.inMemory(),
                        "horizon", engine.horizon().toString()));
    }
}
