package dev.orderclock.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a store call as one transaction on a connection of its own: commit when the work returns,
 * rollback when it throws. A deadlock or serialization failure is the database choosing a victim,
 * not an answer, so the whole call is run again (a few times, then the failure is thrown).
 */
final class Transactions {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private volatile Runnable eventsCommitted = () -> {};

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Run after each transaction of this instance that wrote to the outbox has committed. */
    void onEventsCommitted(Runnable listener) {
        this.eventsCommitted = listener;
    }

    <T> T run(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && SqlStates.isVictim(e)) {
                    continue;
                }
                throw new DatabaseException(what + " failed", e);
            }
        }
    }

    /**
     * Runs one read-only statement (or several that need no common snapshot) in auto-commit: no
     * transaction to open and no {@code COMMIT} to send, which is most of what an idle engine costs
     * the database (its sweeper's look for anything overdue, its horizon scans).
     */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return work.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException(what + " failed", e);
        }
    }

    private <T> T runOnce(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            T result;
            try {
                Outbox.takeWritten(); // a mark left by a write outside these transactions is not ours
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                Outbox.takeWritten();
                rollback(connection, e);
                restore(connection, autoCommit, e);
                throw e;
            }
            connection.setAutoCommit(autoCommit);
            if (Outbox.takeWritten()) {
                eventsCommitted.run();
            }
            return result;
        }
    }

    /** Hands the connection back as it came (a pool resets it anyway; a plain data source may not). */
    private static void restore(Connection connection, boolean autoCommit, Throwable cause) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
