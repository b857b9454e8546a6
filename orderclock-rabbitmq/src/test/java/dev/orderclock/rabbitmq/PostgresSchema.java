package dev.orderclock.rabbitmq;

import dev.orderclock.jdbc.JdbcSchema;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** A fresh schema of its own on the local PostgreSQL (database {@code test}), migrated, dropped after. */
final class PostgresSchema implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    final String name = "relay_" + Long.toHexString(System.nanoTime());
    /** Plain connections (no pool), each opened for the call: the tests' "other connection" and the listener's. */
    final DataSource dataSource;

    PostgresSchema() throws SQLException {
        execute("CREATE SCHEMA " + name);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(URL);
        source.setUser("postgres");
        source.setCurrentSchema(name);
        this.dataSource = source;
        JdbcSchema.migrate(dataSource);
    }

    static DataSource plain() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(URL);
        source.setUser("postgres");
        return source;
    }

    /** Connections to this schema named {@code application}, so that a test can end their sessions. */
    DataSource named(String application) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(URL);
        source.setUser("postgres");
        source.setCurrentSchema(name);
        source.setApplicationName(application);
        return source;
    }

    /** Ends the sessions named {@code application}, as a database restart or a dropped connection would. */
    static int terminate(String application) throws SQLException {
        try (Connection db = plain().getConnection();
                java.sql.PreparedStatement kill = db.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, application);
            try (java.sql.ResultSet row = kill.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = plain().getConnection();
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }
}
