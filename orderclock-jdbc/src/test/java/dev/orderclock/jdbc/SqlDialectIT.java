package dev.orderclock.jdbc;

import dev.orderclock.order.OrderTransition;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What each database does with the clauses {@link SqlDialect} writes for it, checked on the real thing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlDialectIT {

    private static final Instant DUE = Instant.parse("2026-11-24T19:50:00Z");

    private final Map<SqlDialect, TestDatabase> databases = new EnumMap<>(SqlDialect.class);

    @BeforeAll
    void openBothDatabasesWithSixOverdueOrders() {
        databases.put(SqlDialect.H2, TestDatabase.h2());
        databases.put(SqlDialect.POSTGRESQL, TestDatabase.postgres());
        for (TestDatabase database : databases.values()) {
            for (int id = 1; id <= 6; id++) {
                database.execute("""
                        INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
                        VALUES (%d, 'u-1', 'PENDING_PAYMENT', 1.00, 'CNY', TIMESTAMP WITH TIME ZONE '2026-11-24 19:00:00+00',
                                TIMESTAMP WITH TIME ZONE '2026-11-24 19:00:0%d+00')""".formatted(id, id));
            }
        }
    }

    @AfterAll
    void closeBothDatabases() {
        databases.values().forEach(TestDatabase::close);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SqlDialect.class)
    void eachDatabaseIsRecognisedFromItsMetadata(SqlDialect dialect) {
        assertThat(SqlDialect.detect(databases.get(dialect).dataSource())).isEqualTo(dialect);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SqlDialect.class)
    void theTestSessionsAreNotAtUtc(SqlDialect dialect) throws SQLException {
        try (Connection connection = databases.get(dialect).dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT CAST(TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' AS TIMESTAMP)");
                ResultSet row = select.executeQuery()) {
            row.next();
            assertThat(row.getString(1)).doesNotStartWith("2026-01-01 00:00");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SqlDialect.class)
    void aClaimLocksOnlyTheRowsItReturnsAndTheNextClaimSkipsThem(SqlDialect dialect) throws SQLException {
        // given
        TestDatabase database = databases.get(dialect);
        OrderSql sql = new OrderSql(dialect);
        try (Connection first = transaction(database);
                Connection second = transaction(database)) {
            // when
            List<Long> claimedFirst = claim(first, sql, dialect, 2);
            List<Long> claimedSecond = claim(second, sql, dialect, 2);
            List<Long> lockableBySecond = ids(
                    second,
                    "SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' ORDER BY id FOR UPDATE SKIP LOCKED",
                    null);
            // then
            assertThat(claimedFirst).containsExactlyInAnyOrder(1L, 2L);
            assertThat(lockableBySecond).containsExactly(3L, 4L, 5L, 6L);
            if (dialect == SqlDialect.POSTGRESQL) {
                assertThat(claimedSecond).containsExactlyInAnyOrder(3L, 4L);
            } else {
                // H2 limits before it skips: the second claim comes back short rather than take other rows.
                assertThat(claimedSecond).isEmpty();
            }
            first.rollback();
            second.rollback();
        }
    }

    private static Connection transaction(TestDatabase database) throws SQLException {
        Connection connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static List<Long> claim(Connection connection, OrderSql sql, SqlDialect dialect, int limit)
            throws SQLException {
        return Arrays.stream(new OverdueClaims(sql, dialect)
                        .claim(connection, OrderTransition.CLOSE_FOR_TIMEOUT, DUE, limit))
                .boxed()
                .toList();
    }

    private static List<Long> ids(Connection connection, String sql, Integer limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (limit != null) {
                Timestamps.set(select, 1, DUE);
                select.setInt(2, limit);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        }
    }
}
