package dev.orderclock.boot;

/**
 * A table as the start-up checks found it: names as configured, the fragments, how its due column
 * holds time and how precisely.
 *
 * @param zoned            whether the due column stores an offset (TIMESTAMP WITH TIME ZONE); other
 *                         columns (TIMESTAMP, DATETIME) are read and written as UTC
 * @param fractionalDigits the due column's fractional second digits; bound times are truncated to them
 */
public record DeadlineTable(
        String name,
        String table,
        String idColumn,
        String dueColumn,
        String pending,
        String close,
        boolean zoned,
        int fractionalDigits) {}
