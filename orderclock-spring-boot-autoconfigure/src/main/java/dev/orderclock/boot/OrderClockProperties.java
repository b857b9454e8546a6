package dev.orderclock.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code orderclock.*}: the shop's tables that carry deadlines and the engine's settings. The
 * defaults are written out (the metadata processor cannot read another class's constants);
 * {@code OrderClockPropertiesTest} checks they equal {@code DeadlineEngine.DEFAULT_*}.
 */
@ConfigurationProperties("orderclock")
public class OrderClockProperties {

    /** Whether the deadline engine runs in this application. */
    private boolean enabled = true;

    /** The tables whose rows carry a deadline, by a name used in logs, metrics and Deadlines#schedule. */
    private Map<String, Table> deadlines = new LinkedHashMap<>();

    private final Engine engine = new Engine();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, Table> getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(Map<String, Table> deadlines) {
        this.deadlines = deadlines;
    }

    public Engine getEngine() {
        return engine;
    }

    /** One table of the shop's: which rows wait, when they are due, what closing them writes. */
    public static class Table {

        /** The table, e.g. t_order. */
        private String table;

        /** The BIGINT-compatible key column. */
        private String idColumn = "id";

        /** The column holding when the row is due (TIMESTAMP, DATETIME or TIMESTAMP WITH TIME ZONE). */
        private String dueColumn;

        /** SQL condition of the rows still waiting, e.g. "status = 0". Trusted text from the operator. */
        private String pending;

        /** SQL SET list that closes a row, e.g. "status = 40, close_time = :now"; :now is bound. */
        private String close;

        /** Whether a due column without an index that starts with it (or with one column before it) fails start-up. */
        private boolean requireIndex = true;

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public String getIdColumn() {
            return idColumn;
        }

        public void setIdColumn(String idColumn) {
            this.idColumn = idColumn;
        }

        public String getDueColumn() {
            return dueColumn;
        }

        public void setDueColumn(String dueColumn) {
            this.dueColumn = dueColumn;
        }

        public String getPending() {
            return pending;
        }

        public void setPending(String pending) {
            this.pending = pending;
        }

        public String getClose() {
            return close;
        }

        public void setClose(String close) {
            this.close = close;
        }

        public boolean isRequireIndex() {
            return requireIndex;
        }

        public void setRequireIndex(boolean requireIndex) {
            this.requireIndex = requireIndex;
        }
    }

    /** The engine's settings; see DeadlineEngineBuilder for what each does. */
    public static class Engine {

        /** How far ahead deadlines are held in memory. */
        private Duration horizon = Duration.ofSeconds(60);

        /** The timing wheel's resolution: the most a deadline waits after it is due. */
        private Duration tick = Duration.ofMillis(10);

        /** How long past its deadline a pending row must be before the sweeper claims it. */
        private Duration grace = Duration.ofSeconds(5);

        /** How often the sweeper looks for overdue rows that no timer fired. */
        private Duration sweepInterval = Duration.ofSeconds(1);

        /** How long a batch whose transaction failed (a handler threw) waits before it is tried again. */
        private Duration retryDelay = Duration.ofMillis(500);

        /** The most deadlines closed in one transaction. */
        private int firingBatchSize = 500;

        /** Threads that run closing transactions. */
        private int firingThreads = 2;

        /** Rows read per page of the horizon scan. */
        private int loadPageSize = 5_000;

        /** The most overdue rows one sweep claims. */
        private int sweepBatchSize = 1_000;

        /** The cap on deadlines held in memory. */
        private long maxInMemory = 1_000_000;

        /** The closing transaction's timeout (statements and the handler share it); zero for none. */
        private Duration batchTimeout = Duration.ofSeconds(30);

        public Duration getHorizon() {
            return horizon;
        }

        public void setHorizon(Duration horizon) {
            this.horizon = horizon;
        }

        public Duration getTick() {
            return tick;
        }

        public void setTick(Duration tick) {
            this.tick = tick;
        }

        public Duration getGrace() {
            return grace;
        }

        public void setGrace(Duration grace) {
            this.grace = grace;
        }

        public Duration getSweepInterval() {
            return sweepInterval;
        }

        public void setSweepInterval(Duration sweepInterval) {
            this.sweepInterval = sweepInterval;
        }

        public Duration getRetryDelay() {
            return retryDelay;
        }

        public void setRetryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
        }

        public int getFiringBatchSize() {
            return firingBatchSize;
        }

        public void setFiringBatchSize(int firingBatchSize) {
            this.firingBatchSize = firingBatchSize;
        }

        public int getFiringThreads() {
            return firingThreads;
        }

        public void setFiringThreads(int firingThreads) {
            this.firingThreads = firingThreads;
        }

        public int getLoadPageSize() {
            return loadPageSize;
        }

        public void setLoadPageSize(int loadPageSize) {
            this.loadPageSize = loadPageSize;
        }

        public int getSweepBatchSize() {
            return sweepBatchSize;
        }

        public void setSweepBatchSize(int sweepBatchSize) {
            this.sweepBatchSize = sweepBatchSize;
        }

        public long getMaxInMemory() {
            return maxInMemory;
        }

        public void setMaxInMemory(long maxInMemory) {
            this.maxInMemory = maxInMemory;
        }

        public Duration getBatchTimeout() {
            return batchTimeout;
        }

        public void setBatchTimeout(Duration batchTimeout) {
            this.batchTimeout = batchTimeout;
        }
    }
}
