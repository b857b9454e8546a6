package dev.orderclock.jdbc;

import java.sql.SQLException;

/** The database failed a store's call; the call's transaction was rolled back, nothing was written. */
public class DatabaseException extends RuntimeException {

    public DatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }

    /** The SQLSTATE the database answered, or null. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
