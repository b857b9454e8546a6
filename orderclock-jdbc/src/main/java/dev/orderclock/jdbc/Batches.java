package dev.orderclock.jdbc;

import java.sql.Statement;
import java.util.Arrays;

/** Row counts of JDBC batches, checked: a statement that should change one row and did not is a bug. */
final class Batches {

    private Batches() {}

    /** An insert either writes its row or throws; drivers that rewrite batches may not say how many. */
    static void expectInserted(int[] counts, String what) {
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw unexpected(counts, what);
            }
        }
    }

    static void expectOneRowEach(int[] counts, String what) {
        for (int count : counts) {
            if (count != 1) {
                throw unexpected(counts, what);
            }
        }
    }

    private static IllegalStateException unexpected(int[] counts, String what) {
        return new IllegalStateException(what + " did not change one row each: " + Arrays.toString(counts));
    }
}
