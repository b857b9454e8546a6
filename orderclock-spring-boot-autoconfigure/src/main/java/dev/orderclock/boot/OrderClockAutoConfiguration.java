package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineEngineBuilder;
import dev.orderclock.deadline.DeadlineScheduler;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.deadline.Fired;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The deadline engine over the shop's own tables ({@code orderclock.deadlines.*}) and any
 * {@link DeadlineSource} bean of the application's (which wins over a table of the same name).
 * Ordered after the DataSource, transaction and JPA auto-configurations of Boot 3 and Boot 4 by
 * name, so no class Boot 4 moved is loaded.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"
        })
@ConditionalOnProperty(name = "orderclock.enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OrderClockProperties.class)
public class OrderClockAutoConfiguration {

    /** The bean {@link Deadlines} hands deadlines to, when there is one (the RabbitMQ delay tiers); else the engine. */
    public static final String SCHEDULER_BEAN = "orderclockDeadlineScheduler";

    static final String RABBIT_ENABLED = "orderclock.cluster.rabbitmq.enabled";

    /** The engine's clock; {@code orderclock-test} replaces it with a manual one. */
    @Bean
    @ConditionalOnMissingBean(name = "orderclockClock")
    InstantSource orderclockClock() {
        return InstantSource.system();
    }

    /** Checks the tables against the database, so after its initialisation (Flyway, Liquibase, schema.sql). */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    TableDeadlineSources orderclockTableSources(
            OrderClockProperties properties,
            DataSource dataSource,
            ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<DeadlineHandler> handlers,
            ObjectProvider<DeadlineSource> ownSources,
            @Qualifier("orderclockClock") InstantSource clock) {
        PlatformTransactionManager manager =
                transactionManager.getIfAvailable(() -> new DataSourceTransactionManager(dataSource));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TableInspector inspector = new TableInspector(jdbc, new TransactionTemplate(manager));
        List<String> ownNames =
                ownSources.orderedStream().map(DeadlineSource::name).toList();
        Map<String, DeadlineSource> sources = new LinkedHashMap<>();
        if (properties.getDeadlines().isEmpty()) {
            return new TableDeadlineSources(sources);
        }
        TableSql sql = inspector.dialect();
        TransactionTemplate closing =
                closingTransactions(manager, sql, properties.getEngine().getBatchTimeout());
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        List<DeadlineHandler> handlerList = handlers.orderedStream().toList();
        properties.getDeadlines().forEach((name, spec) -> {
            if (!ownNames.contains(name)) {
                DeadlineTable table = inspector.inspect(name, spec, sql);
                sources.put(name, new TableDeadlineSource(table, sql, named, closing, handlerList, clock));
            }
        });
        return new TableDeadlineSources(sources);
    }

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    DeadlineEngine orderclockEngine(
            OrderClockProperties properties,
            TableDeadlineSources tableSources,
            ObjectProvider<DeadlineSource> ownSources,
            ObjectProvider<EngineListener> listeners,
            @Qualifier("orderclockClock") InstantSource clock,
            Environment environment) {
        OrderClockProperties.Engine settings = properties.getEngine();
        boolean delayTiers = environment.getProperty(RABBIT_ENABLED, Boolean.class, false);
        if (delayTiers && !ClassUtils.isPresent("dev.orderclock.rabbitmq.RabbitDelayTiers", null)) {
            throw new DeadlineTableException(
                    null,
                    RABBIT_ENABLED + " is true but orderclock-rabbitmq is not on the class path",
                    "Add the dependency dev.orderclock:orderclock-rabbitmq, or set " + RABBIT_ENABLED + "=false.");
        }
        DeadlineEngineBuilder builder = DeadlineEngine.builder(clock)
                .horizon(settings.getHorizon())
                .tick(settings.getTick())
                .grace(settings.getGrace())
                .sweepInterval(settings.getSweepInterval())
                .retryDelay(settings.getRetryDelay())
                .firingBatchSize(settings.getFiringBatchSize())
                .firingThreads(settings.getFiringThreads())
                .loadPageSize(settings.getLoadPageSize())
                .sweepBatchSize(settings.getSweepBatchSize())
                .maxInMemory(settings.getMaxInMemory())
                // With the delay tiers, deadlines arrive through the due queue (as in orderclock's cluster
                // mode): every node loading the same horizon would only race for the same rows.
                .horizonLoading(!delayTiers)
                .listener(composite(listeners.orderedStream().toList()));
        Map<String, DeadlineSource> all = allSources(tableSources, ownSources);
        if (all.isEmpty()) {
            throw new DeadlineTableException(
                    null,
                    "orderclock is enabled but no deadline is described",
                    "Describe a table under orderclock.deadlines.<name> (table, id-column, due-column, pending, close), "
                            + "declare a DeadlineSource bean, or set orderclock.enabled=false.");
        }
        all.values().forEach(builder::source);
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    Deadlines orderclockDeadlines(
            DeadlineEngine engine,
            TableDeadlineSources tableSources,
            ObjectProvider<DeadlineSource> ownSources,
            @Qualifier(SCHEDULER_BEAN) ObjectProvider<DeadlineScheduler> scheduler) {
        return new Deadlines(engine, scheduler.getIfAvailable(() -> engine), allSources(tableSources, ownSources));
    }

    @Bean
    @ConditionalOnMissingBean
    OrderClockStarter orderclockStarter(DeadlineEngine engine) {
        return new OrderClockStarter(engine);
    }

    /** The starter must exist to start the engine, even when the application initialises beans lazily. */
    @Bean
    static LazyInitializationExcludeFilter orderclockStarterNotLazy() {
        return LazyInitializationExcludeFilter.forBeanTypes(OrderClockStarter.class, DeadlineEngine.class);
    }

    /**
     * The closing transaction: a new one on the application's transaction manager, so handlers using
     * JdbcTemplate, MyBatis or JPA join it. On MariaDB/MySQL, READ COMMITTED avoids InnoDB's gap locks
     * on the range the claim scans (REPEATABLE READ would block the shop's inserts into it).
     */
    static TransactionTemplate closingTransactions(PlatformTransactionManager manager, TableSql sql, Duration timeout) {
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (sql == TableSql.MARIADB) {
            template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        }
        if (timeout != null && !timeout.isZero()) {
            template.setTimeout((int) Math.max(1, timeout.toSeconds()));
        }
        return template;
    }

    private static Map<String, DeadlineSource> allSources(
            TableDeadlineSources tableSources, ObjectProvider<DeadlineSource> ownSources) {
        Map<String, DeadlineSource> all = new LinkedHashMap<>(tableSources.byName());
        ownSources.orderedStream().forEach(source -> all.put(source.name(), source));
        return all;
    }

    private static EngineListener composite(List<EngineListener> listeners) {
        if (listeners.isEmpty()) {
            return EngineListener.NONE;
        }
        return new EngineListener() {
            @Override
            public void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {
                listeners.forEach(listener -> listener.onFired(source, fired, bySweeper));
            }

            @Override
            public void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {
                listeners.forEach(listener -> listener.onFireFailed(source, deadlines, cause));
            }

            @Override
            public void onLoaded(DeadlineSource source, int deadlines, Duration took) {
                listeners.forEach(listener -> listener.onLoaded(source, deadlines, took));
            }
        };
    }
}
