package dev.orderclock.rabbitmq;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Listens for the outbox's {@code NOTIFY} on one connection of its own and wakes the relay: every
 * node's commits that wrote events wake every node's relay, so no relay needs to poll. The insert
 * trigger on {@code order_events} sends {@value #CHANNEL} with the schema's name, inside the writing
 * transaction, and PostgreSQL delivers it at commit (never for a rollback); notifications of other
 * schemas in the same database are ignored. After (re)connecting it wakes the relay once, for
 * whatever was committed while it was not listening. Waiting costs the database nothing: the thread
 * reads the socket, no statement is sent.
 */
public final class OutboxNotifications implements AutoCloseable {

    /** The channel the migration's trigger notifies on (V7_1__outbox_notify.sql). */
    public static final String CHANNEL = "orderclock_outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int READ_MILLIS = 1_000;

    private final DataSource connections;
    private final Runnable wake;
    private final Duration reconnectDelay;
    private volatile boolean stopped;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    /**
     * @param connections opens a connection of its own each time, outside any pool, with no socket
     *                    timeout (it waits for notifications without end)
     */
    public OutboxNotifications(DataSource connections, Runnable wake, Duration reconnectDelay) {
        this.connections = connections;
        this.wake = wake;
        this.reconnectDelay = reconnectDelay;
    }

    public synchronized OutboxNotifications start() {
        if (thread == null) {
            stopped = false;
            thread = new Thread(this::run, "orderclock-outbox-listener");
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Whether it is listening now (for tests and health). */
    public boolean listening() {
        return listening;
    }

    public synchronized void stop() {
        stopped = true;
        Connection open = connection;
        if (open != null) {
            try {
                open.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("aborting the listener's connection failed", e);
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

    private void run() {
        boolean failedBefore = false;
        while (!stopped) {
            try (Connection db = connections.getConnection()) {
                connection = db;
                db.setAutoCommit(true);
                String schema;
                try (Statement statement = db.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    try (ResultSet row = statement.executeQuery("SELECT current_schema()")) {
                        row.next();
                        schema = row.getString(1);
                    }
                }
                listening = true;
                if (failedBefore) {
                    log.info("listening for the outbox's notifications again");
                }
                failedBefore = false;
                wake.run(); // what committed while nobody listened
                PGConnection pg = db.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] notifications = pg.getNotifications(READ_MILLIS);
                    if (notifications != null && ofSchema(notifications, schema)) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (stopped) {
                    return;
                }
                if (!failedBefore) {
                    log.warn("lost the outbox listener's connection ({}); the relay's safety poll covers the gap, "
                            + "reconnecting every {} ms", e.toString(), reconnectDelay.toMillis());
                }
                failedBefore = true;
                try {
                    Thread.sleep(reconnectDelay.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private static boolean ofSchema(PGNotification[] notifications, String schema) {
        for (PGNotification notification : notifications) {
            if (schema == null || schema.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }
}
