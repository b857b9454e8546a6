package dev.orderclock.bench.compare.peers.quartz;

import dev.orderclock.bench.compare.LibraryVersion;
import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Quartz with its JDBC job store on PostgreSQL: one job and one simple trigger per order, firing
 * at the deadline; the job closes the order. Tables from the script Quartz ships for PostgreSQL, in
 * the peer's schema; the job store borrows the bench's (counting) data source.
 */
public final class QuartzPeer implements Peer {

    private static final int THREADS = 10;

    private Scheduler scheduler;
    private String dataSourceName;

    @Override
    public String name() {
        return "Quartz JDBC job store";
    }

    @Override
    public String configuration() {
        return "quartz " + LibraryVersion.of(Scheduler.class, "org.quartz-scheduler", "quartz") + ", JobStoreTX with "
                + "PostgreSQLDelegate, tables from its tables_postgres.sql, not clustered, threadPool.threadCount "
                + THREADS
                + ", misfireThreshold 60 s (the documentation's example settings), batchTriggerAcquisitionMaxCount "
                + THREADS
                + " with acquireTriggersWithinLock (its advice when many triggers fire at once; default 1); one JobDetail and one "
                + "SimpleTrigger (startAt = deadline, misfire: fire now) per order, scheduled after the order's commit";
    }

    @Override
    public void start(PeerContext context) throws Exception {
        OrdersTable orders = context.orders();
        createTables(orders.dataSource());
        dataSourceName = "bench-" + context.prefix();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, provider(orders.dataSource()));
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", context.prefix());
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(THREADS));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // Its configuration reference: more than 1 "is more efficient when very many triggers need to fire at once",
        // and then acquireTriggersWithinLock must be true with a JDBC job store.
        properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(THREADS));
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        scheduler = new StdSchedulerFactory(properties).getScheduler();
        scheduler.setJobFactory((bundle, owner) -> closeJob(orders));
        scheduler.start();
    }

    private static Job closeJob(OrdersTable orders) {
        return new CloseOrder(orders);
    }

    /** The job of every order: close it if still unpaid (the conditional update decides). */
    static final class CloseOrder implements Job {

        private final OrdersTable orders;

        CloseOrder(OrdersTable orders) {
            this.orders = orders;
        }

        @Override
        public void execute(org.quartz.JobExecutionContext execution) throws JobExecutionException {
            try {
                orders.close(execution.getMergedJobDataMap().getLong("orderId"));
            } catch (SQLException e) {
                throw new JobExecutionException(e, true);
            }
        }
    }

    @Override
    public void schedule(long orderId, Instant deadline) throws Exception {
        JobDetail job = JobBuilder.newJob(CloseOrder.class)
                .withIdentity("order-" + orderId, "close-order")
                .usingJobData("orderId", orderId)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("order-" + orderId, "close-order")
                .startAt(Date.from(deadline))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        scheduler.scheduleJob(job, trigger);
    }

    @Override
    public void close() throws Exception {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
    }

    private static ConnectionProvider provider(DataSource dataSource) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // The bench owns the pool.
            }

            @Override
            public void initialize() {}
        };
    }

    private static void createTables(DataSource dataSource) throws IOException, SQLException {
        String script;
        try (InputStream in =
                Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) {
                throw new IOException("tables_postgres.sql is not in the Quartz jar");
            }
            script = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line ->
                            !line.trim().startsWith("--") && !line.trim().startsWith("#"))
                    .collect(Collectors.joining("\n"));
        }
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            connection.setAutoCommit(true);
            for (String statement : script.split(";")) {
                String sql = statement.trim();
                if (!sql.isEmpty() && !sql.equalsIgnoreCase("COMMIT")) {
                    ddl.execute(sql);
                }
            }
        }
    }
}
