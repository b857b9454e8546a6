package dev.orderclock.server.payment;

import dev.orderclock.server.testing.Api;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;

/** The simulator's fault switches over {@code PUT /sim/faults}, back to a well-behaved channel with {@link #reset()}. */
final class SimFaults {

    private final Api api;

    SimFaults(Api api) {
        this.api = api;
    }

    /** @param json the switches to change, e.g. {@code "notify-drop-rate":1} */
    void set(String json) {
        assertThat(api.method("PUT", "/sim/faults")
                        .asOperator()
                        .json("{" + json + "}")
                        .send())
                .hasStatus(200);
    }

    void reset() {
        set("\"notify-drop-rate\":0,\"notify-duplicate-rate\":0,\"notify-delay-ms\":0,\"query-fail-rate\":0,"
                + "\"refund-fail-rate\":0,\"accept-after-close\":false,\"unscanned-not-exist\":false");
    }
}
