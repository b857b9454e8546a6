package dev.orderclock.server.payment;

import dev.orderclock.payment.QueryBeforeClose;
import dev.orderclock.payment.Reconciliation;
import dev.orderclock.payment.Refunds;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code orderclock.payments.*}: how often reconciliation (查单) runs and how old an open attempt must
 * be to be queried, how often due refunds are carried out, and the query-before-close concurrency and
 * back-off. Unset values take the core classes' {@code DEFAULT_*}.
 */
@ConfigurationProperties("orderclock.payments")
public record PaymentProperties(
        Duration reconcileInterval,
        Duration reconcileAge,
        Integer reconcileBatchSize,
        Duration refundInterval,
        Integer refundBatchSize,
        Integer maxInFlight,
        Duration minBackoff,
        Duration maxBackoff) {

    public PaymentProperties {
        QueryBeforeClose.Settings check = QueryBeforeClose.Settings.DEFAULTS;
        reconcileInterval = reconcileInterval != null ? reconcileInterval : Reconciliation.DEFAULT_INTERVAL;
        reconcileAge = reconcileAge != null ? reconcileAge : Reconciliation.DEFAULT_AGE;
        reconcileBatchSize = reconcileBatchSize != null ? reconcileBatchSize : Reconciliation.DEFAULT_BATCH_SIZE;
        refundInterval = refundInterval != null ? refundInterval : Refunds.DEFAULT_INTERVAL;
        refundBatchSize = refundBatchSize != null ? refundBatchSize : Refunds.DEFAULT_BATCH_SIZE;
        maxInFlight = maxInFlight != null ? maxInFlight : check.maxInFlight();
        minBackoff = minBackoff != null ? minBackoff : check.minBackoff();
        maxBackoff = maxBackoff != null ? maxBackoff : check.maxBackoff();
    }

    QueryBeforeClose.Settings checkSettings() {
        return new QueryBeforeClose.Settings(maxInFlight, minBackoff, maxBackoff);
    }
}
