package dev.orderclock.bench.compare.peers.dbscheduler;

import dev.orderclock.bench.compare.LibraryVersion;
import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/**
 * db-scheduler on PostgreSQL: one one-time task instance per order (id = the order id), due at the
 * deadline, in its {@code scheduled_tasks} table in the peer's schema; the task closes the order.
 * Its own defaults otherwise: 10 threads, polling every 10 s, with either of its two polling strategies.
 */
public final class DbSchedulerPeer implements Peer {

    /** db-scheduler's polling strategies: its default, and lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP LOCKED}). */
    public enum Polling {
        FETCH_AND_LOCK_ON_EXECUTE,
        LOCK_AND_FETCH
    }

    // The table as db-scheduler's README gives it for PostgreSQL.
    private static final String TABLE = """
            CREATE TABLE scheduled_tasks (
                task_name            text                     NOT NULL,
                task_instance        text                     NOT NULL,
                task_data            bytea,
                execution_time       timestamp with time zone NOT NULL,
                picked               boolean                  NOT NULL,
                picked_by            text,
                last_success         timestamp with time zone,
                last_failure         timestamp with time zone,
                consecutive_failures int,
                last_heartbeat       timestamp with time zone,
                version              bigint                   NOT NULL,
                priority             smallint,
                PRIMARY KEY (task_name, task_instance)
            );
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC)""";

    private final Polling polling;
    private Scheduler scheduler;
    private OneTimeTask<Long> closeOrder;

    public DbSchedulerPeer(Polling polling) {
        this.polling = polling;
    }

    @Override
    public String name() {
        return "db-scheduler, " + (polling == Polling.LOCK_AND_FETCH ? "lock-and-fetch" : "default polling");
    }

    @Override
    public String configuration() {
        return "db-scheduler " + LibraryVersion.of(Scheduler.class, "com.github.kagkarlsson", "db-scheduler")
                + " on PostgreSQL, "
                + "Scheduler.create(dataSource, task) with its defaults: 10 threads, pollingInterval 10 s; "
                + (polling == Polling.LOCK_AND_FETCH
                        ? "pollUsingLockAndFetch(0.5, 1.0) (SELECT ... FOR UPDATE SKIP LOCKED: its README's strategy for lower overhead at high throughput where the database has SKIP LOCKED)"
                        : "default polling fetch-and-lock-on-execute (0.5, 3.0)")
                + "; one OneTimeTask instance per order (data = order id, Java-serialised), scheduled after the order's commit";
    }

    @Override
    public void start(PeerContext context) throws SQLException {
        OrdersTable orders = context.orders();
        try (Connection connection = orders.dataSource().getConnection();
                Statement ddl = connection.createStatement()) {
            for (String statement : TABLE.split(";")) {
                ddl.execute(statement);
            }
        }
        closeOrder = Tasks.oneTime("close-order", Long.class).execute((instance, executionContext) -> {
            try {
                orders.close(instance.getData());
            } catch (SQLException e) {
                throw new IllegalStateException("close of order " + instance.getData() + " failed", e);
            }
        });
        SchedulerBuilder builder = Scheduler.create(orders.dataSource(), closeOrder);
        if (polling == Polling.LOCK_AND_FETCH) {
            builder.pollUsingLockAndFetch(0.5, 1.0);
        }
        scheduler = builder.shutdownMaxWait(Duration.ofSeconds(5)).build();
        scheduler.start();
    }

    @Override
    public void schedule(long orderId, Instant deadline) {
        scheduler.schedule(closeOrder.instance(Long.toString(orderId), orderId), deadline);
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
