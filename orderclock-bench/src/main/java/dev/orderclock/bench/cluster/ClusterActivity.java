package dev.orderclock.bench.cluster;

import dev.orderclock.bench.measurement.PendingOrders;
import dev.orderclock.bench.measurement.PendingProbe;
import dev.orderclock.bench.workload.OrderApi;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a run cost the cluster's PostgreSQL and RabbitMQ: snapshots when creation starts, when it
 * ends and when the last order closed, so the close phase can be told from the creation (they
 * overlap unless every deadline falls after the last creation, as in {@code burst}).
 */
public final class ClusterActivity implements AutoCloseable {

    /** PostgreSQL publishes a busy session's counts at most once a second; wait that out before a reading. */
    private static final Duration STATISTICS_DELAY = Duration.ofMillis(1_500);

    private final BenchCluster cluster;
    private final PostgresActivity postgres;
    private final BrokerActivity broker;
    private PostgresActivity.Snapshot dbStart, dbCreated, dbEnd;
    private Map<String, Long> mqStart, mqCreated, mqEnd;

    public ClusterActivity(BenchCluster cluster, List<OrderApi> nodes) throws SQLException {
        this.cluster = cluster;
        this.postgres = PostgresActivity.attach(cluster.database());
        this.broker = new BrokerActivity(nodes);
    }

    public PendingProbe pendingProbe() {
        return postgres;
    }

    /** The close observer's question, in a session of its own whose queries are left out of the run's figures. */
    public PendingOrders pendingOrders() throws SQLException {
        return new PendingOrders(cluster.database().connect(), postgres::observerQueried);
    }

    public void creationStarts() throws Exception {
        TimeUnit.MILLISECONDS.sleep(STATISTICS_DELAY.toMillis());
        dbStart = postgres.snapshot();
        mqStart = broker.snapshot();
    }

    public void creationEnded() throws Exception {
        dbCreated = postgres.snapshot();
        mqCreated = broker.snapshot();
    }

    public void closesEnded() throws Exception {
        TimeUnit.MILLISECONDS.sleep(STATISTICS_DELAY.toMillis());
        dbEnd = postgres.snapshot();
        mqEnd = broker.snapshot();
    }

    /** The {@code database} and {@code broker} sections, per order created and per order closed. */
    public void report(
            Map<String, Object> database, Map<String, Object> mq, List<String> notes, long created, long closed)
            throws SQLException {
        PostgresActivity.Snapshot whole = dbEnd.since(dbStart);
        PostgresActivity.Snapshot closing = dbEnd.since(dbCreated);
        database.put(
                "source",
                "PostgreSQL pg_stat_database, pg_stat_user_tables"
                        + (whole.statements() != null ? ", pg_stat_statements" : "") + " of the run's database");
        database.put("transactions", whole.transactions());
        database.put("rolledBack", whole.rollbacks());
        database.put("transactionsPerOrderCreatedAndClosed", ratio(whole.transactions(), created));
        database.put("transactionsAfterCreation", closing.transactions());
        database.put("transactionsAfterCreationPerClosedOrder", ratio(closing.transactions(), closed));
        database.put("tableScans", whole.tables().scans());
        database.put("rowsWritten", whole.tables().rowsWritten());
        if (whole.statements() != null) {
            database.put("statements", whole.statements());
            database.put("statementsPerOrderCreatedAndClosed", ratio(whole.statements(), created));
            database.put("statementsAfterCreationPerClosedOrder", ratio(closing.statements(), closed));
        }
        postgres.statementsUnavailable().ifPresent(why -> notes.add("database statements not counted: " + why));
        database.put("ordersClosedTwice", postgres.closedTwice());

        Map<String, Long> wholeMq = BrokerActivity.since(mqEnd, mqStart);
        if (wholeMq.isEmpty()) {
            notes.add("broker messages not counted: a node's /actuator/prometheus did not answer");
            return;
        }
        Map<String, Long> closingMq = BrokerActivity.since(mqEnd, mqCreated);
        mq.put(
                "source",
                "the nodes' amqp-client counters (rabbitmq_*_total on /actuator/prometheus), summed; "
                        + "dead-lettering between delay tiers happens inside the broker and is not among them");
        wholeMq.forEach(mq::put);
        mq.put("publishedPerOrder", ratio(wholeMq.get("published"), created));
        mq.put("consumedPerOrder", ratio(wholeMq.get("consumed"), created));
        mq.put("publishedAfterCreationPerClosedOrder", ratio(closingMq.get("published"), closed));
        mq.put("consumedAfterCreationPerClosedOrder", ratio(closingMq.get("consumed"), closed));
    }

    private static double ratio(Long count, long per) {
        return count == null || per == 0 ? 0 : Math.round(count * 1000.0 / per) / 1000.0;
    }

    @Override
    public void close() throws SQLException {
        postgres.close();
    }
}
