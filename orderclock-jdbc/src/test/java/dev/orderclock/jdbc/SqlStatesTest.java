package dev.orderclock.jdbc;

import dev.orderclock.store.StoreException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatesTest {

    @ParameterizedTest(name = "{0} ({2}) is {1}")
    @CsvSource({
        "22001, VALUE_DOES_NOT_FIT, H2 value too long",
        "22003, VALUE_DOES_NOT_FIT, PostgreSQL numeric value out of range",
        "23514, RULE_BROKEN, check violation",
        "57014, BUSY, statement timeout",
        "55P03, BUSY, PostgreSQL lock not available",
        "HYT00, BUSY, H2 lock timeout",
        "40001, BUSY, serialization failure that outlived the retries",
        "40P01, BUSY, PostgreSQL deadlock that outlived the retries",
        "08006, FAILED, connection failure",
    })
    void eachDatabaseAnswerBecomesAKindTheRestOfTheSystemUnderstands(
            String sqlState, StoreException.Kind kind, String meaning) {
        DatabaseException failure = new DatabaseException("a call failed", new SQLException(meaning, sqlState));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure).isInstanceOf(StoreException.class);
        assertThat(failure.sqlState()).isEqualTo(sqlState);
    }

    @ParameterizedTest
    @CsvSource({"40001, true", "40P01, true", "57014, false", "23505, false"})
    void onlyADeadlockOrSerializationVictimIsRunAgain(String sqlState, boolean victim) {
        assertThat(SqlStates.isVictim(new SQLException("x", sqlState))).isEqualTo(victim);
    }

    @ParameterizedTest
    @CsvSource({"23505, true", "23514, false"})
    void aUniqueViolationIsADuplicateKeyOnBothDatabases(String sqlState, boolean duplicate) {
        assertThat(SqlStates.isUniqueViolation(new SQLException("x", sqlState))).isEqualTo(duplicate);
    }
}
