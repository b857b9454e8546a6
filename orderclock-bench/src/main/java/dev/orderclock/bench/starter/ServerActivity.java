package dev.orderclock.bench.starter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database server's own activity counters, on a connection of their own outside the measured
 * pool: MariaDB's {@code information_schema.GLOBAL_STATUS} (server-wide) and PostgreSQL's
 * {@code pg_stat_database} for database {@code test} (every schema in it).
 */
public final class ServerActivity implements AutoCloseable {

    private final ShopTable.Database database;
    private final Connection connection;

    private ServerActivity(ShopTable.Database database, Connection connection) {
        this.database = database;
        this.connection = connection;
    }

    public static ServerActivity of(ShopTable shop) throws SQLException {
        Connection connection = shop.database() == ShopTable.Database.MARIADB
                ? DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "")
                : DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        connection.setAutoCommit(true);
        return new ServerActivity(shop.database(), connection);
    }

    public Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            if (database == ShopTable.Database.MARIADB) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                                + " WHERE VARIABLE_NAME IN ('QUESTIONS', 'COM_SELECT', 'COM_UPDATE', 'COM_COMMIT') ORDER BY VARIABLE_NAME")) {
                    while (rs.next()) {
                        counters.put(rs.getString(1), Long.parseLong(rs.getString(2)));
                    }
                }
            } else {
                // Statistics reach the view up to a second late, and are cached per transaction unless cleared.
                s.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet rs = s.executeQuery("SELECT xact_commit, xact_rollback, tup_returned, tup_fetched"
                        + " FROM pg_stat_database WHERE datname = current_database()")) {
                    rs.next();
                    counters.put("xact_commit", rs.getLong(1));
                    counters.put("xact_rollback", rs.getLong(2));
                    counters.put("tup_returned", rs.getLong(3));
                    counters.put("tup_fetched", rs.getLong(4));
                }
            }
        }
        return counters;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
