package dev.orderclock.boot.rabbitmq;

import dev.orderclock.boot.Deadlines;
import dev.orderclock.boot.OrderClockAutoConfiguration;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.RabbitCluster;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
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

    @Bean(destroyMethod = "close")
    Connection orderclockRabbitConnection(Environment environment) throws IOException, TimeoutException {
        RabbitBroker broker = RabbitBroker.of(environment);
        ConnectionFactory factory = RabbitCluster.recovering(broker.connectionFactory(environment));
        // With several addresses the client tries them in order, and again on each recovery.
        return factory.newConnection(broker.addresses(), "orderclock-starter");
    }

    /** The delay tiers, declared now and after each reconnection, and the pieces that use them. */
    @Bean
    RabbitCluster orderclockRabbitCluster(
            Connection orderclockRabbitConnection,
            @Qualifier("orderclockClock") InstantSource clock,
            OrderClockRabbitProperties properties)
            throws IOException {
        return RabbitCluster.on(orderclockRabbitConnection, clock)
                .prefix(properties.getPrefix())
                .dueQueue(new DueQueueConsumer.Settings(properties.getConsumers(), properties.getPrefetch()))
                .delayBatches(properties.getBatchSize(), properties.getLinger())
                .build();
    }

    /** The scheduler {@link Deadlines} hands committed deadlines to; publishes what it buffers on close. */
    @Bean(name = OrderClockAutoConfiguration.SCHEDULER_BEAN, destroyMethod = "close")
    RabbitDeadlineScheduler orderclockDeadlineScheduler(RabbitCluster orderclockRabbitCluster) {
        return orderclockRabbitCluster.scheduler();
    }

    @Bean
    DueQueueConsumer orderclockDueQueueConsumer(
            RabbitCluster orderclockRabbitCluster, Deadlines deadlines, DeadlineEngine engine) {
        return orderclockRabbitCluster.dueQueueConsumer(List.copyOf(deadlines.sources()), engine);
    }

    @Bean
    DueQueueStarter orderclockDueQueueStarter(DueQueueConsumer orderclockDueQueueConsumer, DeadlineEngine engine) {
        return new DueQueueStarter(orderclockDueQueueConsumer);
    }
}
