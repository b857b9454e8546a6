package dev.orderclock.jdbc;

import dev.orderclock.store.StoreException;

import java.sql.SQLException;
import java.util.Set;

/**
 * The SQLSTATEs this module acts on, for H2 and PostgreSQL, in one place: which failures are a
 * victim to run again, which are a duplicate key, and what each means to the rest of the system.
 */
final class SqlStates {

    /** 23505: unique violation, the same code in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";
    /** 40001: serialization failure (PostgreSQL) and deadlock (H2); 40P01: deadlock (PostgreSQL). */
    private static final Set<String> VICTIM = Set.of("40001", "40P01");
    /** H2 "value too long" and PostgreSQL "numeric value out of range" (e.g. an order total past its precision). */
    private static final Set<String> VALUE_DOES_NOT_FIT = Set.of("22001", "22003");

    private static final String CHECK_VIOLATION = "23514";
    /**
     * A wait the database gave up: PostgreSQL statement timeout or cancel (57014) and lock not available
     * (55P03); H2 statement timeout (57014) and lock timeout (HYT00).
     */
    private static final Set<String> TIMED_OUT = Set.of("57014", "55P03", "HYT00");

    private SqlStates() {}

    static boolean isVictim(SQLException e) {
        return VICTIM.contains(e.getSQLState());
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static StoreException.Kind kindOf(SQLException e) {
        String state = e.getSQLState();
        if (VALUE_DOES_NOT_FIT.contains(state)) {
            return StoreException.Kind.VALUE_DOES_NOT_FIT;
        }
        if (CHECK_VIOLATION.equals(state)) {
            return StoreException.Kind.RULE_BROKEN;
        }
        if (TIMED_OUT.contains(state) || VICTIM.contains(state)) {
            return StoreException.Kind.BUSY;
        }
        return StoreException.Kind.FAILED;
    }
}
