package dev.orderclock.server.cluster;

import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Cluster mode's own settings ({@code orderclock.cluster.*}): the broker names' prefix, the due-queue
 * consumers, the batching of delay messages ({@code delay-batch-size}, {@code delay-linger}), and the
 * event relay. The connections themselves are Spring Boot's standard properties.
 */
@ConfigurationProperties("orderclock.cluster")
public record ClusterProperties(
        String prefix,
        Integer consumers,
        Integer prefetch,
        Integer batchSize,
        Duration retryDelay,
        Integer delayBatchSize,
        Duration delayLinger,
        Duration relayInterval,
        Duration relaySafetyPoll,
        Integer relayBatchSize) {

    public static final Duration DEFAULT_RELAY_SAFETY_POLL = Duration.ofSeconds(60);

    public ClusterProperties {
        prefix = prefix != null ? prefix : RabbitDelayTiers.DEFAULT_PREFIX;
        consumers = consumers != null ? consumers : DueQueueConsumer.DEFAULT_CONSUMERS;
        // in messages, each of up to delayBatchSize deadlines: a few batches ready while one commits
        prefetch = prefetch != null ? prefetch : DueQueueConsumer.DEFAULT_PREFETCH;
        batchSize = batchSize != null ? batchSize : DueQueueConsumer.DEFAULT_BATCH_SIZE;
        retryDelay = retryDelay != null ? retryDelay : Duration.ofMillis(500);
        delayBatchSize = delayBatchSize != null ? delayBatchSize : RabbitDeadlineScheduler.DEFAULT_BATCH_SIZE;
        delayLinger = delayLinger != null ? delayLinger : RabbitDeadlineScheduler.DEFAULT_LINGER;
        // the least gap between two relay runs (and the wait after a failed one): woken, not polled
        relayInterval = relayInterval != null ? relayInterval : Duration.ofMillis(100);
        // the looking node's look for events whose wake was lost (issue 15: idle means idle)
        relaySafetyPoll = relaySafetyPoll != null ? relaySafetyPoll : DEFAULT_RELAY_SAFETY_POLL;
        relayBatchSize = relayBatchSize != null ? relayBatchSize : 1_000;
    }
}
