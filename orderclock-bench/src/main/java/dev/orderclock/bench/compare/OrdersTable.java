package dev.orderclock.bench.compare;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The orders table every peer closes, the same shape for all: an order row with its status and
 * deadline, and the stock it reserved, returned on close. Creating, paying and closing are here
 * once, so a peer only decides <em>when</em> to ask for a close; the close itself is the
 * conditional update every classic recipe ends with ("check the order is still unpaid, then close").
 */
public final class OrdersTable {

    private static final String CREATE = """
            CREATE TABLE stock (
                sku       integer PRIMARY KEY,
                available bigint  NOT NULL
            );
            CREATE TABLE orders (
                id           bigserial   PRIMARY KEY,
                sku          integer     NOT NULL REFERENCES stock (sku),
                quantity     integer     NOT NULL,
                status       varchar(20) NOT NULL,
                pay_deadline timestamptz NOT NULL,
                created_at   timestamptz NOT NULL,
                paid_at      timestamptz,
                closed_at    timestamptz
            );
            CREATE INDEX orders_status_deadline ON orders (status, pay_deadline)""";

    private static final String RESERVE = "UPDATE stock SET available = available - ? WHERE sku = ? AND available >= ?";

    private static final String INSERT = """
            INSERT INTO orders (sku, quantity, status, pay_deadline, created_at)
            VALUES (?, ?, 'PENDING_PAYMENT', ?, ?) RETURNING id""";

    private static final String PAY = """
            UPDATE orders SET status = 'PAID', paid_at = ? WHERE id = ? AND status = 'PENDING_PAYMENT'""";

    private static final String CLOSE = """
            UPDATE orders SET status = 'CLOSED', closed_at = ?
             WHERE id = ANY (?) AND status = 'PENDING_PAYMENT' AND pay_deadline <= ?
            RETURNING sku, quantity""";

    private static final String RELEASE = "UPDATE stock SET available = available + ? WHERE sku = ?";

    private static final String DUE = """
            SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND pay_deadline <= ?
             ORDER BY pay_deadline LIMIT ?""";

    private final DataSource dataSource;
    private final InstantSource clock;
    private final int products;
    private final AtomicLong closed = new AtomicLong();

    public OrdersTable(DataSource dataSource, InstantSource clock, int products) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.products = products;
    }

    /** Creates the tables in the connection's schema and puts {@code stockEach} on every product. */
    public static void create(Connection connection, int products, long stockEach) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            for (String statement : CREATE.split(";")) {
                ddl.execute(statement);
            }
        }
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO stock (sku, available) VALUES (?, ?)")) {
            for (int sku = 0; sku < products; sku++) {
                insert.setInt(1, sku);
                insert.setLong(2, stockEach);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public InstantSource clock() {
        return clock;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** One transaction: reserve one unit of a random product, insert the pending order. Returns its id. */
    public long createOrder(Instant deadline) throws SQLException {
        int sku = ThreadLocalRandom.current().nextInt(products);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement reserve = connection.prepareStatement(RESERVE);
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                reserve.setInt(1, 1);
                reserve.setInt(2, sku);
                reserve.setInt(3, 1);
                if (reserve.executeUpdate() != 1) {
                    throw new SQLException("product " + sku + " is out of stock: the bench gave it too little");
                }
                insert.setInt(1, sku);
                insert.setInt(2, 1);
                insert.setObject(3, utc(deadline));
                insert.setObject(4, utc(clock.instant()));
                long id;
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    id = row.getLong(1);
                }
                connection.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The buyer pays: true when the order was still pending (then it must never be closed). */
    public boolean pay(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement pay = connection.prepareStatement(PAY)) {
            pay.setObject(1, utc(clock.instant()));
            pay.setLong(2, id);
            return pay.executeUpdate() == 1;
        }
    }

    /** {@link #close(Collection)} of one order. */
    public int close(long id) throws SQLException {
        return close(List.of(id));
    }

    /**
     * Closes those of {@code ids} still pending and overdue now, and returns their stock, in one
     * transaction; returns how many it closed. A paid order, an order already closed and an order not
     * yet due are left as they are: a timer that fires early closes nothing, and the order shows as missed.
     */
    public int close(Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement close = connection.prepareStatement(CLOSE);
                    PreparedStatement release = connection.prepareStatement(RELEASE)) {
                Array idArray = connection.createArrayOf("bigint", ids.toArray());
                close.setObject(1, utc(now));
                close.setArray(2, idArray);
                close.setObject(3, utc(now));
                Map<Integer, Long> returned = new HashMap<>();
                int count = 0;
                try (ResultSet row = close.executeQuery()) {
                    while (row.next()) {
                        returned.merge(row.getInt(1), (long) row.getInt(2), Long::sum);
                        count++;
                    }
                }
                for (Map.Entry<Integer, Long> sku : returned.entrySet()) {
                    release.setLong(1, sku.getValue());
                    release.setInt(2, sku.getKey());
                    release.addBatch();
                }
                if (!returned.isEmpty()) {
                    release.executeBatch();
                }
                connection.commit();
                closed.addAndGet(count);
                return count;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * The classic scan: up to {@code limit} ids of pending orders whose deadline has passed, oldest
     * first, through the (status, deadline) index.
     */
    public List<Long> dueIds(int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement due = connection.prepareStatement(DUE)) {
            due.setObject(1, utc(clock.instant()));
            due.setInt(2, limit);
            List<Long> ids = new ArrayList<>(Math.min(limit, 1024));
            try (ResultSet row = due.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * The delay to hand a millisecond timer (a TTL, a delayed queue, a wheel) so that it never fires
     * before {@code deadline}: rounded up, plus one millisecond for the timer's own truncation of its
     * start. A delay rounded down fires up to a millisecond early, when the conditional close still
     * refuses the order as not due, and the order is never closed.
     */
    public long millisUntil(Instant deadline) {
        long nanos = java.time.Duration.between(clock.instant(), deadline).toNanos();
        return Math.max(0, (nanos + 999_999) / 1_000_000) + 1;
    }

    /** Orders closed so far through this table (rows the conditional update changed). */
    public long closed() {
        return closed.get();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
