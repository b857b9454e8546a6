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

    private final Runnable wake;
    private final Duration reconnectDelay;
    private final DedicatedSession session;
    private volatile boolean listening;

    /**
     * @param connections opens a connection of its own each time, outside any pool, with no socket
     *                    timeout (it waits for notifications without end)
     */
    public OutboxNotifications(DataSource connections, Runnable wake, Duration reconnectDelay) {
        this.wake = wake;
        this.reconnectDelay = reconnectDelay;
        this.session = new DedicatedSession(connections, "orderclock-outbox-listener", reconnectDelay, new Listener());
    }

    public OutboxNotifications start() {
        session.start();
        return this;
    }

    /** Whether it is listening now (for tests and health). */
    public boolean listening() {
        return listening;
    }

    public void stop() {
        session.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private final class Listener implements DedicatedSession.Holder {

        @Override
        public void hold(Connection db, DedicatedSession listener) throws SQLException {
            String schema;
            try (Statement statement = db.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                try (ResultSet row = statement.executeQuery("SELECT current_schema()")) {
                    row.next();
                    schema = row.getString(1);
                }
            }
            listening = true;
            if (listener.recovering()) {
                log.info("listening for the outbox's notifications again");
            }
            listener.healthy();
            wake.run(); // what committed while nobody listened
            PGConnection pg = db.unwrap(PGConnection.class);
            while (!listener.stopped()) {
                PGNotification[] notifications = pg.getNotifications(READ_MILLIS);
                if (notifications != null && ofSchema(notifications, schema)) {
                    wake.run();
                }
            }
        }

        @Override
        public void lost(Exception failure, boolean firstSinceHealthy) {
            if (firstSinceHealthy) {
                log.warn(
                        "lost the outbox listener's connection ({}); the relay's safety poll covers the gap, "
                                + "reconnecting every {} ms",
                        failure.toString(),
                        reconnectDelay.toMillis());
            }
        }

        @Override
        public void ended() {
            listening = false;
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
