package dev.orderclock.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeouts the shipped configuration gives each database session, read back from the databases
 * themselves: what application-cluster.yml passes to pgjdbc, on the PostgreSQL at 127.0.0.1, and
 * what application.yml's H2 URL sets.
 */
class DatabaseTimeoutsIT {

    @Test
    void theClusterProfileBoundsStatementsLocksIdleTransactionsAndTheSocketOnPostgres() throws Exception {
        HikariConfig config = Binder.get(environmentOf("application-cluster.yml"))
                .bind("spring.datasource.hikari", Bindable.ofInstance(new HikariConfig()))
                .get();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);

        try (HikariDataSource pool = new HikariDataSource(config);
                Connection connection = pool.getConnection()) {
            assertThat(show(connection, "SHOW statement_timeout")).isEqualTo("10s");
            assertThat(show(connection, "SHOW lock_timeout")).isEqualTo("5s");
            assertThat(show(connection, "SHOW idle_in_transaction_session_timeout"))
                    .isEqualTo("1min");
            assertThat(connection.getNetworkTimeout()).as("socket timeout, ms").isEqualTo(30_000);
        }
    }

    @Test
    void theEmbeddedDatabaseBoundsQueriesAndLockWaits(@TempDir Path dataDir) throws Exception {
        StandardEnvironment environment = environmentOf("application.yml");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("orderclock.data-dir", dataDir.toString())));
        String url = Binder.get(environment)
                .bind("spring.datasource.url", String.class)
                .get();
        assertThat(url).startsWith("jdbc:h2:file:" + dataDir);

        try (HikariDataSource pool = h2(url);
                Connection connection = pool.getConnection()) {
            assertThat(
                            show(
                                    connection,
                                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'"))
                    .isEqualTo("10000");
            assertThat(show(connection, "SELECT LOCK_TIMEOUT()")).isEqualTo("2000");
        }
    }

    private static HikariDataSource h2(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }

    /** The file's properties alone, over the JVM's; placeholders resolve against them. */
    private static StandardEnvironment environmentOf(String file) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources all = environment.getPropertySources();
        sources.forEach(all::addFirst);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static String show(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
