package dev.orderclock.boot;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link DeadlineSource} over a shop's own table, described by {@code orderclock.deadlines.<name>}.
 * Closing is a conditional update ({@code pending} re-checked against the committed row) in a
 * transaction of the application's transaction manager, with the {@link DeadlineHandler}s called
 * inside it for exactly the rows it changed: each row is closed once, whichever node or race.
 *
 * <p>Times: the engine's instants are bound truncated to the due column's precision (never rounded
 * up, so nothing closes early); a column without an offset (TIMESTAMP, DATETIME) holds UTC.
 */
public final class TableDeadlineSource implements DeadlineSource {

    private static final Logger log = LoggerFactory.getLogger(TableDeadlineSource.class);

    private final DeadlineTable table;
    private final TableSql sql;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<DeadlineHandler> handlers;
    private final InstantSource clock;

    /**
     * @param clock the engine's clock, to notice a handler that takes longer than the closing
     *              transaction's timeout ({@code transactions}' own)
     */
    public TableDeadlineSource(
            DeadlineTable table,
            TableSql sql,
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transactions,
            List<DeadlineHandler> handlers,
            InstantSource clock) {
        this.table = table;
        this.sql = sql;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.handlers = List.copyOf(handlers);
        this.clock = clock;
    }

    @Override
    public String name() {
        return table.name();
    }

    public DeadlineTable table() {
        return table;
    }

    @Override
    public List<Deadline> scan(Deadline after, Instant until, int limit) {
        boolean fromBeginning = after.dueMillis() == Long.MIN_VALUE;
        MapSqlParameterSource params =
                new MapSqlParameterSource().addValue("due", bind(until)).addValue("limit", limit);
        if (!fromBeginning) {
            params.addValue("afterDue", bind(Instant.ofEpochMilli(after.dueMillis())))
                    .addValue("afterId", after.id());
        }
        return jdbc.query(
                sql.scan(table, fromBeginning), params, (rs, row) -> new Deadline(rs.getLong(1), dueMillis(rs)));
    }

    @Override
    public List<Fired> fire(long[] ids, Instant now) {
        if (ids.length == 0) {
            return List.of();
        }
        List<Long> idList = Arrays.stream(ids).boxed().toList();
        return inTransaction(now, params -> {
            params.addValue("ids", idList).addValue("due", bind(now));
            String returning = sql.closeReturning(table, table.idColumn() + " IN (:ids)");
            if (returning != null) {
                return jdbc.query(returning, params, this::row);
            }
            List<Row> locked = jdbc.query(sql.lockDue(table), params, this::row);
            return updateLocked(locked, params);
        });
    }

    @Override
    public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
        return inTransaction(now, params -> {
            params.addValue("due", bind(cutoff)).addValue("limit", limit);
            String lockClaimed = sql.lockClaimed(table);
            if (lockClaimed != null) {
                List<Long> candidates = jdbc.queryForList(sql.claim(table), params, Long.class);
                if (candidates.isEmpty()) {
                    return List.of();
                }
                params.addValue("ids", candidates);
                List<Long> locked = jdbc.queryForList(lockClaimed, params, Long.class);
                if (locked.isEmpty()) {
                    return List.of();
                }
                params.addValue("ids", locked);
                return jdbc.query(sql.closeReturning(table, table.idColumn() + " IN (:ids)"), params, this::row);
            }
            if (sql.claimCloses()) {
                return jdbc.query(sql.claim(table), params, this::row);
            }
            return updateLocked(jdbc.query(sql.claim(table), params, this::row), params);
        });
    }

    /** Closes exactly the rows this transaction holds locked; they are the ones it reports. */
    private List<Row> updateLocked(List<Row> locked, MapSqlParameterSource params) {
        if (locked.isEmpty()) {
            return locked;
        }
        params.addValue("ids", locked.stream().map(Row::id).toList());
        jdbc.update(sql.update(table, table.idColumn() + " IN (:ids)"), params);
        return locked;
    }

    private List<Fired> inTransaction(Instant now, Closing closing) {
        List<Fired> fired = transactions.execute(status -> {
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", bind(now));
            List<Row> closed = closing.close(params);
            if (closed.isEmpty()) {
                return List.<Fired>of();
            }
            List<Long> ids = closed.stream().map(Row::id).toList();
            for (DeadlineHandler handler : handlers) {
                Instant started = clock.instant();
                handler.fired(table.name(), ids, now);
                warnIfSlow(handler, ids.size(), Duration.between(started, clock.instant()));
            }
            List<Fired> result = new ArrayList<>(closed.size());
            for (Row row : closed) {
                result.add(new Fired(row.id(), Instant.ofEpochMilli(row.dueMillis()), now));
            }
            return result;
        });
        return fired == null ? List.of() : fired;
    }

    /**
     * A handler slower than the transaction's timeout gets its batch rolled back and retried, and
     * again: say so rather than leave the rows open with no word.
     */
    private void warnIfSlow(DeadlineHandler handler, int ids, Duration took) {
        int timeoutSeconds = transactions.getTimeout();
        if (timeoutSeconds > 0 && took.compareTo(Duration.ofSeconds(timeoutSeconds)) > 0) {
            log.warn(
                    "orderclock.deadlines.{}: the handler {} took {} ms for {} ids, longer than the batch timeout of {} s"
                            + " (orderclock.engine.batch-timeout): the batch may be rolled back and retried; make the"
                            + " handler faster, lower orderclock.engine.firing-batch-size or raise the timeout",
                    table.name(),
                    handler.getClass().getName(),
                    took.toMillis(),
                    ids,
                    timeoutSeconds);
        }
    }

    private Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong(1), dueMillis(rs));
    }

    /** Read back rounded up to the millisecond, so the engine never fires a row before the row's own time. */
    private long dueMillis(ResultSet rs) throws SQLException {
        Instant due = table.zoned()
                ? rs.getObject(2, OffsetDateTime.class).toInstant()
                : rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
        long millis = due.toEpochMilli();
        return due.getNano() % 1_000_000 == 0 ? millis : millis + 1;
    }

    /** An instant as the due column holds it: truncated to its precision, UTC where it has no offset. */
    Object bind(Instant instant) {
        Instant truncated = truncate(instant, table.fractionalDigits());
        return table.zoned()
                ? OffsetDateTime.ofInstant(truncated, ZoneOffset.UTC)
                : LocalDateTime.ofInstant(truncated, ZoneOffset.UTC);
    }

    static Instant truncate(Instant instant, int fractionalDigits) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        if (fractionalDigits >= 3) {
            return millis;
        }
        long unitNanos = (long) Math.pow(10, 9 - fractionalDigits);
        return Instant.ofEpochSecond(millis.getEpochSecond(), millis.getNano() / unitNanos * unitNanos);
    }

    private record Row(long id, long dueMillis) {}

    @FunctionalInterface
    private interface Closing {
        List<Row> close(MapSqlParameterSource params);
    }
}
