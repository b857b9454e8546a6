package dev.orderclock.jdbc;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings a database's schema up to date with the migrations of its dialect, for callers without
 * Spring Boot's Flyway support (which reads the same {@code classpath:db/migration/{vendor}} folders).
 */
public final class JdbcSchema {

    private JdbcSchema() {}

    /** Runs the pending migrations; answers how many ran. */
    public static int migrate(DataSource dataSource) {
        SqlDialect dialect = SqlDialect.detect(dataSource);
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocation())
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
