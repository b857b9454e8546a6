package dev.orderclock.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A database of a test class's own, migrated, behind a small pool, in a session time zone other than
 * UTC: H2 in memory, or a fresh schema of the PostgreSQL at 127.0.0.1:5432 (dropped at close).
 */
abstract class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String POSTGRES_USER = "postgres";
    /**
     * East of UTC for PostgreSQL, west for H2 (the JVM's zone in the failsafe run is another one still).
     * Set by a statement on each new connection: a URL's {@code options=-c TimeZone=...} does not hold,
     * because pgjdbc also sends the JVM's zone as a startup parameter, and that one wins.
     */
    static final String POSTGRES_TIME_ZONE = "Asia/Shanghai";

    static final String H2_TIME_ZONE = "America/Sao_Paulo";
    private static final int POOL_SIZE = 10;

    final HikariDataSource dataSource;

    private TestDatabase(HikariConfig config) {
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName(getClass().getSimpleName());
        this.dataSource = new HikariDataSource(config);
        JdbcSchema.migrate(dataSource);
    }

    static TestDatabase h2() {
        return new H2();
    }

    static TestDatabase postgres() {
        return new Postgres(Map.of());
    }

    /**
     * PostgreSQL with pgjdbc connection properties of the test's own, set as the cluster profile sets
     * its timeouts ({@code spring.datasource.hikari.data-source-properties}).
     */
    static TestDatabase postgres(Map<String, String> connectionProperties) {
        return new Postgres(connectionProperties);
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
            throw new IllegalStateException("test database statement failed", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static final class H2 extends TestDatabase {
        private final String url;

        H2() {
            this("jdbc:h2:mem:orderclock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }

        private H2(String url) {
            super(config(url, "sa", "SET TIME ZONE '" + H2_TIME_ZONE + "'"));
            this.url = url;
        }

        /** DB_CLOSE_DELAY=-1 keeps the database after the pool closes; SHUTDOWN frees its memory. */
        @Override
        public void close() {
            super.close();
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("could not shut H2 down", e);
            }
        }
    }

    private static final class Postgres extends TestDatabase {
        private final String schema;

        Postgres(Map<String, String> connectionProperties) {
            this(createSchema("orderclock_" + UUID.randomUUID().toString().replace("-", "")), connectionProperties);
        }

        private Postgres(String schema, Map<String, String> connectionProperties) {
            super(withProperties(
                    config(
                            POSTGRES_URL + "?currentSchema=" + schema,
                            POSTGRES_USER,
                            "SET TIME ZONE '" + POSTGRES_TIME_ZONE + "'"),
                    connectionProperties));
            this.schema = schema;
        }

        private static HikariConfig withProperties(HikariConfig config, Map<String, String> properties) {
            properties.forEach(config::addDataSourceProperty);
            return config;
        }

        private static String createSchema(String schema) {
            admin("CREATE SCHEMA " + schema);
            return schema;
        }

        @Override
        public void close() {
            super.close();
            admin("DROP SCHEMA " + schema + " CASCADE");
        }

        private static void admin(String sql) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + ": " + e.getMessage(), e);
            }
        }
    }

    private static HikariConfig config(String url, String user, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setConnectionInitSql(initSql);
        return config;
    }
}
