package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.SweepTurn;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Which node does the cluster's periodic looks (the sweeper's, the event relay's safety poll): the
 * one holding a PostgreSQL session advisory lock on a connection of its own. The others wait for the
 * lock inside {@code pg_advisory_lock}, one statement blocked in the server, so that waiting costs the
 * database no transaction at all, and the lock passes to one of them the moment the holder's session
 * ends: a stopped or killed node (its socket closes), a lost connection, a database restart (then
 * every node reconnects and one wins). So an idle cluster makes the looks of one node, and a node
 * that dies hands its turn over at once, within the sweep interval the lost-deadline bound allows.
 *
 * <p>The holder reads its idle connection every second (no statement, just the socket), so it sees
 * its session end and stops looking; until it does, two nodes may look at once, which is harmless
 * ({@code FOR UPDATE SKIP LOCKED}, conditional updates): the turn saves work, safety does not rest on it.
 */
public final class LookingTurn implements SweepTurn, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LookingTurn.class);
    /** "orderlok": the advisory lock key space of the turn, mixed with the prefix (the relay's is "orderclk"). */
    private static final long LOCK_BASE = 0x6f726465726c6f6bL;

    private static final int CHECK_MILLIS = 1_000;

    private final long lockKey;
    private final Duration reconnectDelay;
    private final DedicatedSession session;
    private volatile boolean mine;

    /**
     * @param connections opens a connection of its own each time, outside any pool, with no socket
     *                    timeout: the lock wait may last for days
     * @param prefix      the cluster's prefix: clusters with other prefixes on one database take turns apart
     */
    public LookingTurn(DataSource connections, String prefix, Duration reconnectDelay) {
        this.lockKey = LOCK_BASE ^ prefix.hashCode();
        this.reconnectDelay = reconnectDelay;
        this.session = new DedicatedSession(connections, "orderclock-looking-turn", reconnectDelay, new Holder());
    }

    @Override
    public boolean mine() {
        return mine;
    }

    public LookingTurn start() {
        session.start();
        return this;
    }

    /** Gives the turn up (the session ends, so the lock passes to another node at once). */
    public void stop() {
        mine = false;
        session.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private final class Holder implements DedicatedSession.Holder {

        @Override
        public void hold(Connection db, DedicatedSession turn) throws SQLException {
            try (Statement statement = db.createStatement()) {
                // The session's own settings: the pool's statement and lock timeouts would end the wait.
                statement.execute("SET statement_timeout = 0; SET lock_timeout = 0");
                statement.execute("SELECT pg_advisory_lock(" + lockKey + ")");
            }
            if (turn.stopped()) {
                return;
            }
            mine = true;
            turn.healthy();
            log.info("this node now does the cluster's periodic looks (sweeper, event relay safety poll)");
            PGConnection pg = db.unwrap(PGConnection.class);
            while (!turn.stopped()) {
                // Reads the socket only: throws once the session is gone.
                pg.getNotifications(CHECK_MILLIS);
            }
        }

        @Override
        public void lost(Exception failure, boolean firstSinceHealthy) {
            if (mine || firstSinceHealthy) {
                log.warn(
                        "the looking turn's database connection failed ({}); another node may take the turn, "
                                + "trying again every {} ms",
                        failure.toString(),
                        reconnectDelay.toMillis());
            }
        }

        @Override
        public void ended() {
            mine = false;
        }
    }
}
