package dev.orderclock.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A peer's own PostgreSQL schema: its orders and stock tables, its statistics, and sessions on it. */
final class PeerSchema {

    private final PeerContext.Services services;
    private final String name;

    PeerSchema(PeerContext.Services services, String name) {
        this.services = services;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** A fresh schema with the orders table and {@code stockEach} on each of {@code products}. */
    void create(int products, long stockEach) throws SQLException {
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            ddl.execute("CREATE SCHEMA " + name);
            ddl.execute("SET search_path TO " + name);
            OrdersTable.create(connection, products, stockEach);
        }
    }

    /** Autovacuum may be off: fresh planner statistics once the orders are in, as after any bulk load. */
    void analyze() throws SQLException {
        try (Connection connection = connect();
                Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE " + name + ".orders");
        }
    }

    void drop() throws SQLException {
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    TableStatistics statistics() throws SQLException {
        try (Connection connection = connect()) {
            return TableStatistics.read(connection, name);
        }
    }

    /** A session of its own with this schema as the current one. */
    Connection session() throws SQLException {
        return DriverManager.getConnection(
                services.jdbcUrlFor(name), services.postgresUser(), services.postgresPassword());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                services.postgresUrl(), services.postgresUser(), services.postgresPassword());
    }
}
