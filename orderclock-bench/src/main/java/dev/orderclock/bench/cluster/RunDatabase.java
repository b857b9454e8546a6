package dev.orderclock.bench.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh PostgreSQL database for one run ({@code orderclock_bench_<random>}), created next to the
 * database the bench connects to, so the run's orders and PostgreSQL's per-database statistics are
 * the run's alone; dropped at the end unless kept.
 */
public final class RunDatabase {

    private final ClusterServices services;
    private final String name;

    private RunDatabase(ClusterServices services, String name) {
        this.services = services;
        this.name = name;
    }

    static RunDatabase create(ClusterServices services, String name) throws SQLException {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = connectAdmin(services);
                Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        }
        return new RunDatabase(services, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return services.urlOf(name);
    }

    /** A session in the run's database (its statements count in the run's statistics). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), services.postgresUser(), services.postgresPassword());
    }

    /** A session in the database named by {@code --postgres}: reading statistics there costs the run's none. */
    public Connection connectAdmin() throws SQLException {
        return connectAdmin(services);
    }

    /** Drops the database, ending any session still in it (PostgreSQL 13 or later). */
    void drop() throws SQLException {
        try (Connection admin = connectAdmin(services);
                Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection connectAdmin(ClusterServices services) throws SQLException {
        return DriverManager.getConnection(
                services.postgresUrl(), services.postgresUser(), services.postgresPassword());
    }
}
