package dev.orderclock.jdbc;

import dev.orderclock.store.StoreException;

import java.sql.SQLException;

/** The database failed a store's call; the call's transaction was rolled back, nothing was written. */
public class DatabaseException extends StoreException {

    public DatabaseException(String message, SQLException cause) {
        super(SqlStates.kindOf(cause), message + ": " + cause.getMessage(), cause);
    }

    /** The SQLSTATE the database answered, or null. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
