package dev.orderclock.rabbitmq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A PostgreSQL session of its own, outside any pool, held open by a daemon thread that opens a new one
 * after a loss (a killed connection, a database restart) every reconnect delay, until stopped. What the
 * session is for — a lock held, notifications listened to — is its {@link Holder}'s. Stopping aborts the
 * connection, which ends the session even while it waits in the server (e.g. in {@code pg_advisory_lock}).
 */
final class DedicatedSession implements AutoCloseable {

    /** What a session is used for. */
    interface Holder {

        /**
         * Uses the session until the session {@link DedicatedSession#stopped() stops} (return) or fails
         * (throw); called again with a new session after a failure.
         */
        void hold(Connection db, DedicatedSession session) throws SQLException;

        /** The session failed; {@code firstSinceHealthy} is false while it keeps failing to come back. */
        void lost(Exception failure, boolean firstSinceHealthy);

        /** The session ended, failed or stopped: whatever it held is no longer held. */
        void ended();
    }

    private static final Logger log = LoggerFactory.getLogger(DedicatedSession.class);

    private final DataSource connections;
    private final String threadName;
    private final Duration reconnectDelay;
    private final Holder holder;
    private volatile boolean stopped;
    private volatile boolean failing;
    private volatile Connection connection;
    private Thread thread;

    /**
     * @param connections opens a connection of its own each time, outside any pool, with no socket
     *                    timeout: a session may wait for days
     */
    DedicatedSession(DataSource connections, String threadName, Duration reconnectDelay, Holder holder) {
        this.connections = connections;
        this.threadName = threadName;
        this.reconnectDelay = reconnectDelay;
        this.holder = holder;
    }

    synchronized void start() {
        if (thread == null) {
            stopped = false;
            thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    synchronized void stop() {
        stopped = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("aborting the {} connection failed", threadName, e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    boolean stopped() {
        return stopped;
    }

    /** Whether the sessions before this one failed: a holder may say it is back. */
    boolean recovering() {
        return failing;
    }

    /** The holder's session is set up: the next failure is a first one again. */
    void healthy() {
        failing = false;
    }

    private void run() {
        while (!stopped) {
            try (Connection db = connections.getConnection()) {
                connection = db;
                db.setAutoCommit(true);
                holder.hold(db, this);
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                holder.lost(e, !failing);
                failing = true;
                sleep();
            } finally {
                connection = null;
                holder.ended();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
