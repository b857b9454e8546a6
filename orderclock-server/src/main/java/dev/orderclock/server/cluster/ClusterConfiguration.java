package dev.orderclock.server.cluster;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.jdbc.JdbcStorage;
import dev.orderclock.outbox.Outbox;
import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.EventRelay;
import dev.orderclock.rabbitmq.LookingTurn;
import dev.orderclock.rabbitmq.OutboxNotifications;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;
import dev.orderclock.server.engine.EngineListeners;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The {@code cluster} profile: deadlines are published into the RabbitMQ delay tiers after commit and
 * fired by whichever node takes them off the due queue; the outbox is relayed to {@code <prefix>events}.
 * The connection recovers by itself (back-off {@link #RECOVERY_INTERVAL_MILLIS}) and every recovery
 * declares the topology again; Hikari does the same for the database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
public class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);
    static final long RECOVERY_INTERVAL_MILLIS = 2_000;

    @Bean(destroyMethod = "close")
    Connection rabbitConnection(RabbitConnectionProperties broker, ObjectProvider<MeterRegistry> meters)
            throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        // rabbitmq_connections, _channels, _published_total, _consumed_total, ...: the names Spring Boot uses
        meters.ifAvailable(registry -> factory.setMetricsCollector(
                new MicrometerMetricsCollector(registry, "rabbitmq", Tags.of("name", "orderclock"))));
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(broker.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        factory.setRequestedHeartbeat(10);
        return factory.newConnection("orderclock@" + InetAddress.getLocalHost().getHostName());
    }

    @Bean
    RabbitDelayTiers rabbitDelayTiers(Connection connection, ClusterProperties settings) throws IOException {
        RabbitDelayTiers tiers = new RabbitDelayTiers(settings.prefix());
        declare(connection, tiers);
        ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                // A broker that lost its definitions (a reset node) gets them back; otherwise a no-op.
                try {
                    declare(connection, tiers);
                } catch (IOException | RuntimeException e) {
                    log.warn("declaring the delay tiers again after a reconnection failed: {}", e.toString());
                }
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
                log.warn("lost the RabbitMQ connection; reconnecting every {} ms", RECOVERY_INTERVAL_MILLIS);
            }
        });
        return tiers;
    }

    /** Closed before the connection (it depends on it), publishing what it still buffers. */
    @Bean(destroyMethod = "close")
    @Primary
    RabbitDeadlineScheduler rabbitDeadlineScheduler(
            Connection connection, RabbitDelayTiers tiers, InstantSource clock, ClusterProperties settings) {
        return new RabbitDeadlineScheduler(connection, tiers, clock, settings.delayBatchSize(), settings.delayLinger())
                .start();
    }

    @Bean
    DueQueueConsumer dueQueueConsumer(
            Connection connection,
            RabbitDelayTiers tiers,
            List<DeadlineSource> sources,
            DeadlineEngine engine,
            ObjectProvider<EngineListener> listeners,
            InstantSource clock,
            ClusterProperties settings) {
        return new DueQueueConsumer(
                connection,
                tiers,
                sources,
                engine,
                new EngineListeners(listeners.orderedStream().toList()),
                clock,
                new DueQueueConsumer.Settings(
                        settings.consumers(), settings.prefetch(), settings.batchSize(), settings.retryDelay()));
    }

    /**
     * The looking turn and the outbox listener each hold one connection of their own, outside the
     * pool: they wait without end (a lock, notifications), which the pool's socket, statement and
     * lock timeouts would cut short, and they would take two of its connections for good.
     */
    private static DataSource ownConnections(DataSourceProperties database) {
        PGSimpleDataSource connections = new PGSimpleDataSource();
        connections.setURL(database.determineUrl());
        connections.setUser(database.determineUsername());
        connections.setPassword(database.determinePassword());
        connections.setConnectTimeout(5);
        // A database host that vanished without closing the socket is noticed by the OS's keepalive.
        connections.setTcpKeepAlive(true);
        connections.setApplicationName("orderclock-cluster");
        return connections;
    }

    /** Whose turn the cluster's periodic looks are: the sweeper's, the relay's safety poll, the payment jobs'. */
    @Bean(destroyMethod = "stop")
    LookingTurn lookingTurn(DataSourceProperties database, ClusterProperties settings) {
        return new LookingTurn(ownConnections(database), settings.prefix(), Duration.ofSeconds(1)).start();
    }

    @Bean
    EventRelay eventRelay(
            Outbox outbox,
            Connection connection,
            RabbitDelayTiers tiers,
            InstantSource clock,
            ClusterProperties settings,
            LookingTurn turn,
            JdbcStorage storage) {
        EventRelay relay = new EventRelay(
                outbox,
                connection,
                tiers,
                clock,
                settings.relayInterval(),
                settings.relaySafetyPoll(),
                turn::mine,
                settings.relayBatchSize());
        // This node's commits wake its relay at once; the others' come by NOTIFY.
        storage.onEventsCommitted(relay::wake);
        return relay;
    }

    @Bean(destroyMethod = "stop")
    OutboxNotifications outboxNotifications(DataSourceProperties database, EventRelay relay) {
        return new OutboxNotifications(ownConnections(database), relay::wake, Duration.ofSeconds(1));
    }

    @Bean
    ClusterLifecycle clusterLifecycle(DueQueueConsumer consumer, EventRelay relay, OutboxNotifications notifications) {
        return new ClusterLifecycle(consumer, relay, notifications);
    }

    @Bean
    RabbitHealthIndicator rabbitHealthIndicator(Connection connection) {
        return new RabbitHealthIndicator(connection);
    }

    private static void declare(Connection connection, RabbitDelayTiers tiers) throws IOException {
        try (Channel channel = connection.createChannel()) {
            tiers.declare(channel);
        } catch (TimeoutException e) {
            throw new IOException("declaring the delay tiers timed out", e);
        }
    }
}
