package dev.orderclock.server.cluster;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.jdbc.JdbcStorage;
import dev.orderclock.outbox.Outbox;
import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.EventRelay;
import dev.orderclock.rabbitmq.LookingTurn;
import dev.orderclock.rabbitmq.RabbitCluster;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.postgresql.ds.PGSimpleDataSource;
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
 * The connection recovers by itself ({@link RabbitCluster#recovering}) and every recovery declares the
 * topology again; Hikari does the same for the database.
 */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
public class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    Connection rabbitConnection(RabbitConnectionProperties broker, ObjectProvider<MeterRegistry> meters)
            throws IOException, TimeoutException {
        ConnectionFactory factory = RabbitCluster.recovering(new ConnectionFactory());
        // rabbitmq_connections, _channels, _published_total, _consumed_total, ...: the names Spring Boot uses
        meters.ifAvailable(registry -> factory.setMetricsCollector(
                new MicrometerMetricsCollector(registry, "rabbitmq", Tags.of("name", "orderclock"))));
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(broker.virtualHost());
        return factory.newConnection("orderclock@" + InetAddress.getLocalHost().getHostName());
    }

    /** The delay tiers, declared now and after each reconnection, and the pieces that use them. */
    @Bean
    RabbitCluster rabbitCluster(Connection connection, InstantSource clock, ClusterProperties settings)
            throws IOException {
        return RabbitCluster.on(connection, clock)
                .prefix(settings.prefix())
                .dueQueue(new DueQueueConsumer.Settings(settings.consumers(), settings.prefetch()))
                .delayBatches(settings.delayBatchSize(), settings.delayLinger())
                .relay(settings.relayInterval(), settings.relaySafetyPoll(), settings.relayBatchSize())
                .build();
    }

    /** Closed before the connection (it depends on it), publishing what it still buffers. */
    @Bean(destroyMethod = "close")
    @Primary
    RabbitDeadlineScheduler rabbitDeadlineScheduler(RabbitCluster cluster) {
        return cluster.scheduler();
    }

    @Bean
    DueQueueConsumer dueQueueConsumer(RabbitCluster cluster, List<DeadlineSource> sources, DeadlineEngine engine) {
        return cluster.dueQueueConsumer(sources, engine);
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
    EventRelay eventRelay(RabbitCluster cluster, Outbox outbox, LookingTurn turn, JdbcStorage storage) {
        EventRelay relay = cluster.eventRelay(outbox, turn::mine);
        // This node's commits wake its relay at once; each node relays its own events.
        storage.onEventsCommitted(relay::wake);
        return relay;
    }

    @Bean
    ClusterLifecycle clusterLifecycle(DueQueueConsumer consumer, EventRelay relay) {
        return new ClusterLifecycle(consumer, relay);
    }

    @Bean
    RabbitHealthIndicator rabbitHealthIndicator(Connection connection) {
        return new RabbitHealthIndicator(connection);
    }
}
