package dev.orderclock.boot.rabbitmq;

import dev.orderclock.boot.Deadlines;
import dev.orderclock.boot.OrderClockAutoConfiguration;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.EngineListener;
import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * {@code orderclock.cluster.rabbitmq.enabled=true}: {@link Deadlines#schedule} publishes through
 * orderclock's RabbitMQ delay tiers, and every node of the application consumes the due queue and
 * closes what arrives through the same table sources (one close per row, whichever node). Wired as
 * orderclock's own cluster mode does it, on the broker of {@code spring.rabbitmq.*} read by name
 * ({@link RabbitBroker}), so no Spring AMQP or Boot class (some moved in Boot 4) is needed.
 */
@AutoConfiguration(after = OrderClockAutoConfiguration.class)
@ConditionalOnClass(name = {"com.rabbitmq.client.ConnectionFactory", "dev.orderclock.rabbitmq.RabbitDelayTiers"})
@ConditionalOnProperty(name = "orderclock.cluster.rabbitmq.enabled", havingValue = "true")
@ConditionalOnBean(DeadlineEngine.class)
@EnableConfigurationProperties(OrderClockRabbitProperties.class)
public class OrderClockRabbitAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OrderClockRabbitAutoConfiguration.class);
    static final long RECOVERY_INTERVAL_MILLIS = 2_000;

    @Bean(destroyMethod = "close")
    Connection orderclockRabbitConnection(Environment environment) throws IOException, TimeoutException {
        RabbitBroker broker = RabbitBroker.of(environment);
        ConnectionFactory factory = broker.connectionFactory(environment);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        factory.setRequestedHeartbeat(10);
        // With several addresses the client tries them in order, and again on each recovery.
        return factory.newConnection(broker.addresses(), "orderclock-starter");
    }

    @Bean
    RabbitDelayTiers orderclockDelayTiers(Connection orderclockRabbitConnection, OrderClockRabbitProperties properties)
            throws IOException {
        RabbitDelayTiers tiers = new RabbitDelayTiers(properties.getPrefix());
        declare(orderclockRabbitConnection, tiers);
        ((Recoverable) orderclockRabbitConnection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                // A broker that lost its definitions (a reset node) gets them back; otherwise a no-op.
                try {
                    declare(orderclockRabbitConnection, tiers);
                } catch (IOException | RuntimeException e) {
                    log.warn("declaring orderclock's delay tiers again after a reconnection failed: {}", e.toString());
                }
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
                log.warn("lost the RabbitMQ connection; reconnecting every {} ms", RECOVERY_INTERVAL_MILLIS);
            }
        });
        return tiers;
    }

    /** The scheduler {@link Deadlines} hands committed deadlines to; publishes what it buffers on close. */
    @Bean(name = OrderClockAutoConfiguration.SCHEDULER_BEAN, destroyMethod = "close")
    RabbitDeadlineScheduler orderclockDeadlineScheduler(
            Connection orderclockRabbitConnection,
            RabbitDelayTiers tiers,
            @Qualifier("orderclockClock") InstantSource clock,
            OrderClockRabbitProperties properties) {
        return new RabbitDeadlineScheduler(
                        orderclockRabbitConnection, tiers, clock, properties.getBatchSize(), properties.getLinger())
                .start();
    }

    @Bean
    DueQueueConsumer orderclockDueQueueConsumer(
            Connection orderclockRabbitConnection,
            RabbitDelayTiers tiers,
            Deadlines deadlines,
            DeadlineEngine engine,
            @Qualifier("orderclockClock") InstantSource clock,
            OrderClockRabbitProperties properties) {
        return new DueQueueConsumer(
                orderclockRabbitConnection,
                tiers,
                List.copyOf(deadlines.sources()),
                engine,
                EngineListener.NONE,
                clock,
                new DueQueueConsumer.Settings(
                        properties.getConsumers(),
                        properties.getPrefetch(),
                        properties.getBatchSize(),
                        properties.getRetryDelay()));
    }

    @Bean
    DueQueueStarter orderclockDueQueueStarter(DueQueueConsumer orderclockDueQueueConsumer, DeadlineEngine engine) {
        return new DueQueueStarter(orderclockDueQueueConsumer);
    }

    private static void declare(Connection connection, RabbitDelayTiers tiers) throws IOException {
        try (Channel channel = connection.createChannel()) {
            tiers.declare(channel);
        } catch (TimeoutException e) {
            throw new IOException("declaring orderclock's delay tiers timed out", e);
        }
    }
}
