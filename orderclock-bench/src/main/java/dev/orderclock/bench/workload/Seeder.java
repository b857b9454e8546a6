package dev.orderclock.bench.workload;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bulk-inserts pending orders straight into a stopped server's H2 file, as the server would have
 * stored them (one line each, stock reserved: {@code stock = available + reserved + sold} holds),
 * because a million orders through HTTP take longer than the figure they serve. The rows are made
 * inside H2 ({@code INSERT ... SELECT FROM SYSTEM_RANGE}), in chunks of one transaction each. The seeded orders
 * have no {@code order.created} outbox row; nothing in the closing path reads those.
 */
public final class Seeder {

    private static final long CHUNK = 100_000;
    private static final BigDecimal PRICE = new BigDecimal(Catalogue.PRICE);

    /**
     * How many, over how many products, due from {@code dueFrom} after now, spread over {@code spread}:
     * at random ({@code scattered}), or in the order of the ids, which seeds ten million in minutes
     * instead of an hour (random deadlines scatter the inserts over the whole deadline index). In order
     * serves a figure that does not close them (heap, idle statements, start time); a backlog to be
     * closed is seeded scattered, so that the closes meet their rows as they would for real.
     */
    public record Settings(
            long orders,
            int products,
            Duration dueFrom,
            Duration spread,
            int users,
            String currency,
            boolean scattered) {}

    private final AtomicLong inserted = new AtomicLong();
    private final InstantSource clock;

    public Seeder(InstantSource clock) {
        this.clock = clock;
    }

    /** Orders inserted so far, for the progress line. */
    public long inserted() {
        return inserted.get();
    }

    public void seed(Connection connection, Settings settings) throws SQLException {
        connection.setAutoCommit(false);
        long[] reserved = new long[settings.products()];
        for (long x = 1; x <= settings.orders(); x++) {
            reserved[(int) (x % settings.products())]++;
        }
        addStock(connection, reserved);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // Ids ascend with X, spread over the 50-bit range above what the file holds: each chunk then
        // appends to the primary key instead of touching pages all over it (seeding a million scattered
        // ids took 7 minutes; appended, seconds). The deadlines are random, so the closing path still
        // meets the rows in a scattered order, as it does with OrderId's random ids.
        long base = maxId(connection) + 1;
        long stride = Math.max(1, ((1L << 50) - base) / (settings.orders() + 1));
        // The offset inside each stride is a hash of X, not RAND(): the lines' insert must find the same ids.
        String id = "CAST(" + base + " + (X - 1) * " + stride + " + MOD(X * 2654435761, " + stride + ") AS BIGINT)";
        String offset = settings.scattered()
                ? "CAST(FLOOR(RAND() * ?) AS BIGINT)"
                : "CAST((X - 1) * ? / " + settings.orders() + " AS BIGINT)";
        try (PreparedStatement orders = connection.prepareStatement("""
                INSERT INTO orders (id, user_id, status, amount, currency, created_at, pay_deadline)
                SELECT %s, 'seed-u' || MOD(X, ?), 'PENDING_PAYMENT', ?, ?, ?,
                       DATEADD(MILLISECOND, %s, CAST(? AS TIMESTAMP(3) WITH TIME ZONE))
                  FROM SYSTEM_RANGE(?, ?)""".formatted(id, offset));
                PreparedStatement lines = connection.prepareStatement("""
                INSERT INTO order_lines (order_id, line_no, sku, quantity, unit_price)
                SELECT %s, 1, 'SEED-' || MOD(X, ?), 1, ? FROM SYSTEM_RANGE(?, ?)""".formatted(id))) {
            for (long from = 1; from <= settings.orders(); from += CHUNK) {
                long to = Math.min(settings.orders(), from + CHUNK - 1);
                orders.setInt(1, settings.users());
                orders.setBigDecimal(2, PRICE);
                orders.setString(3, settings.currency());
                orders.setObject(4, now.atOffset(ZoneOffset.UTC));
                orders.setLong(5, Math.max(1, settings.spread().toMillis()));
                orders.setObject(6, now.plus(settings.dueFrom()).atOffset(ZoneOffset.UTC));
                orders.setLong(7, from);
                orders.setLong(8, to);
                orders.executeUpdate();
                lines.setInt(1, settings.products());
                lines.setBigDecimal(2, PRICE);
                lines.setLong(3, from);
                lines.setLong(4, to);
                lines.executeUpdate();
                connection.commit();
                inserted.set(to);
            }
        }
        try (Statement analyze = connection.createStatement()) {
            analyze.execute("ANALYZE");
            connection.commit();
            // Big transactions leave old chunks in the file; compacting now keeps them out of the start-up figure.
            analyze.execute("SHUTDOWN COMPACT");
        }
    }

    private static long maxId(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT COALESCE(MAX(id), 0) FROM orders")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Adds the seeded reservations to each product's stock, leaving {@code available} as it was. */
    private static void addStock(Connection connection, long[] reserved) throws SQLException {
        try (PreparedStatement update =
                        connection.prepareStatement("UPDATE products SET stock = stock + ? WHERE sku = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO products (sku, name, price, stock, available, sold) VALUES (?, ?, ?, ?, ?, 0)")) {
            for (int p = 0; p < reserved.length; p++) {
                update.setLong(1, reserved[p]);
                update.setString(2, sku(p));
                if (update.executeUpdate() == 0) {
                    insert.setString(1, sku(p));
                    insert.setString(2, "Seeded " + sku(p));
                    insert.setBigDecimal(3, PRICE);
                    insert.setLong(4, reserved[p] + 1_000);
                    insert.setLong(5, 1_000);
                    insert.executeUpdate();
                }
            }
        }
        connection.commit();
    }

    static String sku(long product) {
        return "SEED-" + product;
    }
}
