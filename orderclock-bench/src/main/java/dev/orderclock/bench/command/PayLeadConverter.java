package dev.orderclock.bench.command;

import dev.orderclock.bench.workload.Payments;

import picocli.CommandLine;

import java.time.Duration;

/**
 * {@code --pay-lead}: a duration of at least {@link Payments#MIN_LEAD}. Alipay's {@code time_expire}
 * holds whole seconds, so the trade of an order due at 12:00:05.300 expires at 12:00:05; a buyer
 * who pays less than a second before the deadline may find it already expired.
 */
public final class PayLeadConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration lead = new DurationConverter().convert(value);
        if (lead.compareTo(Payments.MIN_LEAD) < 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is less than "
                    + Payments.MIN_LEAD.toMillis() + "ms: the channel's trade expires at the whole second before "
                    + "the deadline, so a later payment would be refused");
        }
        return lead;
    }
}
