package dev.orderclock.server.payment;

import dev.orderclock.deadline.SweepTurn;
import dev.orderclock.payment.Reconciliation;
import dev.orderclock.payment.Refunds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs reconciliation and refunds on their intervals, on one thread of their own, from when the
 * server takes requests (the channel's notify URL needs the port) until it stops.
 */
final class PaymentJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

    private final Reconciliation reconciliation;
    private final Refunds refunds;
    private final PaymentProperties settings;
    private final SweepTurn turn;
    private volatile ScheduledExecutorService thread;

    /** @param turn whether this node's passes run: in a cluster one node's do, for all (issue 15) */
    PaymentJobs(Reconciliation reconciliation, Refunds refunds, PaymentProperties settings, SweepTurn turn) {
        this.reconciliation = reconciliation;
        this.refunds = refunds;
        this.settings = settings;
        this.turn = turn;
    }

    @Override
    public void start() {
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "orderclock-payment-jobs");
            t.setDaemon(true);
            return t;
        });
        long reconcile = settings.reconcileInterval().toMillis();
        long refund = settings.refundInterval().toMillis();
        thread.scheduleWithFixedDelay(
                () -> quietly("reconciliation", reconciliation::runOnce), reconcile, reconcile, TimeUnit.MILLISECONDS);
        thread.scheduleWithFixedDelay(
                () -> quietly("refunds", refunds::runOnce), refund, refund, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = thread;
        if (running != null) {
            running.shutdownNow();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void quietly(String job, Runnable pass) {
        if (!turn.mine()) {
            return; // another node's pass covers the cluster's attempts
        }
        try {
            pass.run();
        } catch (RuntimeException e) {
            // The next pass asks again: nothing of a failed pass was taken for done.
            log.warn("{} pass failed: {}", job, e.toString());
        }
    }
}
