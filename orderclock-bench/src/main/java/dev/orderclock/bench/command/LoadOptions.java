package dev.orderclock.bench.command;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How the orders of {@code run} and {@code compare} come: their pace, deadlines and the share paid. */
public final class LoadOptions {

    @Option(names = "--rate", defaultValue = "0", description = "orders per second, 0 = as fast as they go")
    double rate;

    @ArgGroup(exclusive = true)
    DueOptions due = new DueOptions();

    @Option(
            names = "--paid",
            description = "share of orders paid shortly before their deadline (default: 0; compare: 0.1)")
    double paid;

    @Option(
            names = "--pay-lead",
            defaultValue = "1500ms",
            converter = PayLeadConverter.class,
            description = "how long before its deadline the buyer pays a paid order, at least 1s: the channel's "
                    + "trade expires at the whole second the deadline falls in; the trade itself is opened right after "
                    + "the order is created (default: ${DEFAULT-VALUE})")
    Duration payLead;

    /** No order paid unless asked, as {@code run} has it. */
    LoadOptions() {
        this(0);
    }

    /** A command's own default paid share (the field's initial value is picocli's default). */
    LoadOptions(double paid) {
        this.paid = paid;
    }
}
