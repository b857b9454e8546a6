package dev.orderclock.bench.starter;

import dev.orderclock.bench.PrintedRun;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter figures' harness on the local MariaDB and PostgreSQL: small runs must close every
 * order once with its stock returned once, count statements, and leave no database or schema behind.
 */
class StarterCommandsIT {

    private static final String[] SECTIONS = {
        "/MariaDB, starter", "/MariaDB, scan every 1 s", "/PostgreSQL, starter", "/PostgreSQL, scan every 1 s"
    };

    @Test
    void aSmallBurstIsClosedOnceByEachContenderOnBothDatabasesWithTheStockReturnedOnce() throws Exception {
        long before = leftovers();

        PrintedRun run =
                PrintedRun.of("starter-burst", "--orders", "300", "--lead", "6s", "--max-wait", "60s", "--json");

        assertThat(run.exit()).isZero();
        for (String section : SECTIONS) {
            JsonNode figures = run.report().at(section);
            assertThat(figures.at("/closed").asLong()).as(section).isEqualTo(300);
            assertThat(figures.at("/stillPending").asLong()).as(section).isZero();
            assertThat(figures.at("/stockReturns").asLong()).as(section).isEqualTo(300);
            assertThat(figures.at("/stockReturned").asLong()).as(section).isEqualTo(300);
            assertThat(figures.at("/lagP50Ms").asLong()).as(section).isNotNegative();
            assertThat(figures.at("/lagP99Ms").asLong())
                    .as(section)
                    .isGreaterThanOrEqualTo(figures.at("/lagP50Ms").asLong());
            assertThat(figures.at("/statements").asLong()).as(section).isPositive();
        }
        assertThat(leftovers()).isEqualTo(before);
    }

    @Test
    void anIdleWindowCountsEachContendersStatementsAndClosesNothing() throws Exception {
        PrintedRun run =
                PrintedRun.of("starter-idle", "--pending", "2000", "--settle", "1s", "--window", "3s", "--json");

        assertThat(run.exit()).isZero();
        for (String section : SECTIONS) {
            JsonNode figures = run.report().at(section);
            assertThat(figures.at("/pending").asLong()).as(section).isEqualTo(2000);
            assertThat(figures.at("/statementsPerMinute").asDouble())
                    .as(section)
                    .isPositive();
            assertThat(figures.at("/commitsPerMinute").asDouble()).as(section).isPositive();
        }
        assertThat(run.report().at("/notes").toString()).doesNotContain("an order closed during the idle window");
    }

    @Test
    void anUnknownDatabaseIsAMessageAndCreatesNothing() throws Exception {
        long before = leftovers();

        PrintedRun run = PrintedRun.of("starter-burst", "--db", "mariadb,oracle", "--orders", "10");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(leftovers()).isEqualTo(before);
    }

    /** The bench's own databases and schemas on both servers; another run may be under way, so compared, not zero. */
    private static long leftovers() throws Exception {
        long count = 0;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'ocb_starter_%'")) {
            rs.next();
            count += rs.getLong(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'ocb_starter_%'")) {
            rs.next();
            count += rs.getLong(1);
        }
        return count;
    }
}
