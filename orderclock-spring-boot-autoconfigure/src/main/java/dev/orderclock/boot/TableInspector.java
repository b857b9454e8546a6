package dev.orderclock.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks at start-up that a configured table can work, through {@link DatabaseMetaData} and two
 * statements that touch no row, and says what to change when it cannot: a missing table or column,
 * a key that is not an integer, a due column that is not a time, fragments that do not parse, a due
 * column no index starts with. Last, it looks once for a row {@code pending} matches and warns when
 * there is none.
 */
final class TableInspector {

    private static final Logger log = LoggerFactory.getLogger(TableInspector.class);
    private static final Set<Integer> INTEGER_TYPES =
            Set.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT);
    private static final Set<Integer> TIME_TYPES = Set.of(Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE);

    /** How long the start-up look for a pending row may take before it is skipped (whole seconds, JDBC's unit). */
    static final Duration PENDING_LOOK_TIMEOUT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration lookTimeout;

    TableInspector(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this(jdbc, transactions, PENDING_LOOK_TIMEOUT);
    }

    TableInspector(JdbcTemplate jdbc, TransactionTemplate transactions, Duration lookTimeout) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lookTimeout = lookTimeout;
    }

    TableSql dialect() {
        return jdbc.execute((ConnectionCallback<TableSql>) connection -> TableSql.of(connection.getMetaData()));
    }

    DeadlineTable inspect(String name, OrderClockProperties.Table spec, TableSql sql) {
        require(name, "table", spec.getTable());
        require(name, "id-column", spec.getIdColumn());
        require(name, "due-column", spec.getDueColumn());
        require(name, "pending", spec.getPending());
        require(name, "close", spec.getClose());
        DeadlineTable table =
                jdbc.execute((ConnectionCallback<DeadlineTable>) connection -> describe(connection, name, spec, sql));
        checkFragments(table, sql);
        lookForPending(table, sql);
        return table;
    }

    private DeadlineTable describe(Connection connection, String name, OrderClockProperties.Table spec, TableSql sql)
            throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        String tableName = null;
        Map<String, ResultRow> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // Identifiers are stored upper-case by H2, lower-case by PostgreSQL and as written by MariaDB.
        for (String candidate : List.of(
                spec.getTable(),
                spec.getTable().toUpperCase(Locale.ROOT),
                spec.getTable().toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = metaData.getColumns(catalog, schema, candidate, "%")) {
                while (rs.next()) {
                    tableName = rs.getString("TABLE_NAME");
                    columns.put(
                            rs.getString("COLUMN_NAME"),
                            new ResultRow(
                                    rs.getInt("DATA_TYPE"),
                                    rs.getString("TYPE_NAME"),
                                    rs.getInt("DECIMAL_DIGITS"),
                                    rs.wasNull()));
                }
            }
            if (tableName != null) {
                break;
            }
        }
        if (tableName == null) {
            throw new DeadlineTableException(
                    name,
                    "table '" + spec.getTable() + "' does not exist" + " (catalog " + catalog + ", schema " + schema
                            + ")",
                    "Create the table, or set orderclock.deadlines." + name + ".table to an existing one.");
        }
        ResultRow id = column(name, spec.getTable(), columns, "id-column", spec.getIdColumn());
        if (!INTEGER_TYPES.contains(id.type())) {
            throw new DeadlineTableException(
                    name,
                    "id column '" + spec.getIdColumn() + "' is " + id.typeName()
                            + ", not an integer type the engine can hold as a long",
                    "Point id-column at a BIGINT (or INTEGER) key, or declare a DeadlineSource bean of your own.");
        }
        ResultRow due = column(name, spec.getTable(), columns, "due-column", spec.getDueColumn());
        if (!TIME_TYPES.contains(due.type())) {
            throw new DeadlineTableException(
                    name,
                    "due column '" + spec.getDueColumn() + "' is " + due.typeName() + ", not a TIMESTAMP or DATETIME",
                    "Point due-column at a TIMESTAMP/DATETIME column.");
        }
        String typeName = due.typeName().toLowerCase(Locale.ROOT);
        boolean zoned = due.type() == Types.TIMESTAMP_WITH_TIMEZONE
                || typeName.contains("timestamptz")
                || typeName.contains("time zone");
        int digits = due.digitsUnknown() ? 3 : due.digits();
        DeadlineTable table = new DeadlineTable(
                name,
                spec.getTable(),
                spec.getIdColumn(),
                spec.getDueColumn(),
                spec.getPending(),
                spec.getClose(),
                zoned,
                digits);
        if (!hasIndexOnDue(metaData, catalog, schema, tableName, spec.getDueColumn())) {
            String problem = "no index starts with due column '" + spec.getDueColumn() + "' (or has it second):"
                    + " every scan and sweep would read the whole table";
            String action = "Run: " + sql.suggestedIndex(table);
            if (spec.isRequireIndex()) {
                throw new DeadlineTableException(
                        name,
                        problem,
                        action + " (or set orderclock.deadlines." + name + ".require-index=false to start anyway).");
            }
            log.warn("orderclock.deadlines.{}: {}. {}", name, problem, action);
        }
        return table;
    }

    private static boolean hasIndexOnDue(
            DatabaseMetaData metaData, String catalog, String schema, String table, String dueColumn)
            throws SQLException {
        try (ResultSet rs = metaData.getIndexInfo(catalog, schema, table, false, true)) {
            while (rs.next()) {
                String column = rs.getString("COLUMN_NAME");
                short position = rs.getShort("ORDINAL_POSITION");
                // (due, id) or (status, due) both serve the range scan of the pending rows.
                if (column != null && column.equalsIgnoreCase(dueColumn) && position <= 2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ResultRow column(
            String name, String table, Map<String, ResultRow> columns, String property, String column) {
        ResultRow row = columns.get(column);
        if (row == null) {
            throw new DeadlineTableException(
                    name,
                    property + " '" + column + "' is not a column of " + table + " (its columns: "
                            + String.join(", ", columns.keySet()) + ")",
                    "Set orderclock.deadlines." + name + "." + property + " to one of the table's columns.");
        }
        return row;
    }

    /** Runs the fragments once against no row, in a transaction that is rolled back. */
    private void checkFragments(DeadlineTable table, TableSql sql) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                jdbc.query(sql.pendingCheck(table), rs -> {});
            } catch (DataAccessException e) {
                throw new DeadlineTableException(
                        table.name(),
                        "pending '" + table.pending() + "' is not a valid condition on " + table.table() + ": "
                                + e.getMostSpecificCause().getMessage(),
                        "Fix orderclock.deadlines." + table.name() + ".pending: an SQL condition such as status = 0.",
                        e);
            }
            try {
                named.update(sql.closeCheck(table), new MapSqlParameterSource("now", LocalDateTime.now()));
            } catch (DataAccessException e) {
                throw new DeadlineTableException(
                        table.name(),
                        "close '" + table.close() + "' is not a valid SET list for " + table.table() + ": "
                                + e.getMostSpecificCause().getMessage(),
                        "Fix orderclock.deadlines." + table.name() + ".close: an SQL SET list such as "
                                + "status = 40, close_time = :now (only :now is bound).",
                        e);
            }
        });
    }

    /**
     * A {@code pending} that matches no row is either a shop with no unpaid order yet or a condition
     * that will never match (a wrong status code): the engine cannot tell which, so it says so once.
     * The look is bounded: on a large table without an index on the condition it is skipped.
     */
    private void lookForPending(DeadlineTable table, TableSql sql) {
        JdbcTemplate looking = new JdbcTemplate(jdbc.getDataSource());
        looking.setQueryTimeout((int) Math.max(1, lookTimeout.toSeconds()));
        boolean anyPending;
        try {
            anyPending = Boolean.TRUE.equals(
                    looking.query(sql.anyPending(table), (ResultSetExtractor<Boolean>) ResultSet::next));
        } catch (DataAccessException e) {
            // The fragment parsed above, so this is the time limit (or a busy database): not worth a start-up failure.
            log.debug(
                    "orderclock.deadlines.{}: skipped looking for a pending row in {} (limit {}): {}",
                    table.name(),
                    table.table(),
                    lookTimeout,
                    e.getMostSpecificCause().toString());
            return;
        }
        if (!anyPending) {
            log.warn(
                    "orderclock.deadlines.{}: no row of {} matches pending '{}' now: right for a shop with no unpaid"
                            + " orders yet; if there are some, the condition is wrong and nothing will ever close",
                    table.name(),
                    table.table(),
                    table.pending());
        }
    }

    private static void require(String name, String property, String value) {
        if (value == null || value.isBlank()) {
            throw new DeadlineTableException(
                    name, property + " is not set", "Set orderclock.deadlines." + name + "." + property + ".");
        }
    }

    private record ResultRow(int type, String typeName, int digits, boolean digitsUnknown) {}
}
