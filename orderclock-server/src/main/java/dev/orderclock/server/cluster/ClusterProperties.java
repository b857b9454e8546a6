package dev.orderclock.server.cluster;

import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.RabbitCluster;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Cluster mode's own settings ({@code orderclock.cluster.*}): the broker names' prefix, the due-queue
 * consumers (the closing transactions they feed, and their retries, are the engine's), the batching of delay messages ({@code delay-batch-size}, {@code delay-linger}), and the
 * event relay. The connections themselves are Spring Boot's standard properties.
 */
@ConfigurationProperties("orderclock.cluster")
public record ClusterProperties(
        String prefix,
        Integer consumers,
        Integer prefetch,
        Integer delayBatchSize,
        Duration delayLinger,
        Duration relayInterval,
        Duration relaySafetyPoll,
        Integer relayBatchSize) {

    public ClusterProperties {
        prefix = prefix != null ? prefix : RabbitDelayTiers.DEFAULT_PREFIX;
        consumers = consumers != null ? consumers : DueQueueConsumer.DEFAULT_CONSUMERS;
        // in messages, each of up to delayBatchSize deadlines: a few batches ready while one commits
        prefetch = prefetch != null ? prefetch : DueQueueConsumer.DEFAULT_PREFETCH;
        delayBatchSize = delayBatchSize != null ? delayBatchSize : RabbitDeadlineScheduler.DEFAULT_BATCH_SIZE;
        delayLinger = delayLinger != null ? delayLinger : RabbitDeadlineScheduler.DEFAULT_LINGER;
        relayInterval = relayInterval != null ? relayInterval : RabbitCluster.DEFAULT_RELAY_INTERVAL;
        relaySafetyPoll = relaySafetyPoll != null ? relaySafetyPoll : RabbitCluster.DEFAULT_RELAY_SAFETY_POLL;
        relayBatchSize = relayBatchSize != null ? relayBatchSize : RabbitCluster.DEFAULT_RELAY_BATCH_SIZE;
    }
}
