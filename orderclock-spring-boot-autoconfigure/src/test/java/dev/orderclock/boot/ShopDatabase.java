package dev.orderclock.boot;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A shop's database of a test class's own, with a {@code t_order} table as shops write it (numeric
 * status, millisecond expiry without zone), behind a small pool whose sessions run in a zone other
 * than UTC: H2 in memory, a fresh schema of the PostgreSQL at 127.0.0.1:5432, or a fresh database of
 * the MariaDB at 127.0.0.1:3306 (both dropped at close).
 */
abstract class ShopDatabase implements AutoCloseable {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String MARIADB_URL = "jdbc:mariadb://127.0.0.1:3306/";

    final HikariDataSource dataSource;
    final String timeType;

    private ShopDatabase(String url, String user, String initSql, String timeType) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setConnectionInitSql(initSql);
        config.setMaximumPoolSize(10);
        config.setPoolName(getClass().getSimpleName());
        this.dataSource = new HikariDataSource(config);
        this.timeType = timeType;
        execute(
                "CREATE TABLE t_order (id BIGINT PRIMARY KEY, status INT NOT NULL, pay_expire_time " + timeType
                        + " NOT NULL, close_time " + timeType + " NULL, close_reason VARCHAR(32) NULL)",
                "CREATE INDEX t_order_expire_idx ON t_order (pay_expire_time, id)",
                "CREATE TABLE effect (order_id BIGINT NOT NULL, node VARCHAR(16) NOT NULL)");
    }

    static ShopDatabase h2() {
        return new H2();
    }

    static ShopDatabase postgres() {
        return new Postgres();
    }

    static ShopDatabase mariadb() {
        return new MariaDb();
    }

    DataSource dataSource() {
        return dataSource;
    }

    void execute(String... statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test database statement failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    static void admin(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    private static String unique() {
        return "starter_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static final class H2 extends ShopDatabase {
        private final String url;

        H2() {
            this("jdbc:h2:mem:" + unique() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        }

        private H2(String url) {
            super(url, "sa", "SET TIME ZONE 'America/Sao_Paulo'", "TIMESTAMP(3)");
            this.url = url;
        }

        @Override
        public void close() {
            super.close();
            admin(url, "sa", "SHUTDOWN");
        }
    }

    private static final class Postgres extends ShopDatabase {
        private final String schema;

        Postgres() {
            this(createSchema(unique()));
        }

        private Postgres(String schema) {
            super(
                    POSTGRES_URL + "?currentSchema=" + schema,
                    "postgres",
                    "SET TIME ZONE 'Asia/Shanghai'",
                    "TIMESTAMP(3)");
            this.schema = schema;
        }

        private static String createSchema(String schema) {
            admin(POSTGRES_URL, "postgres", "CREATE SCHEMA " + schema);
            return schema;
        }

        @Override
        public void close() {
            super.close();
            admin(POSTGRES_URL, "postgres", "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static final class MariaDb extends ShopDatabase {
        private final String database;

        MariaDb() {
            this(createDatabase(unique()));
        }

        private MariaDb(String database) {
            super(MARIADB_URL + database, "root", "SET time_zone = '+05:00'", "DATETIME(3)");
            this.database = database;
        }

        private static String createDatabase(String database) {
            admin(MARIADB_URL, "root", "CREATE DATABASE " + database);
            return database;
        }

        @Override
        public void close() {
            super.close();
            admin(MARIADB_URL, "root", "DROP DATABASE " + database);
        }
    }
}
