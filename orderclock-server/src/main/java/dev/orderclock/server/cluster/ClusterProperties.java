package dev.orderclock.server.cluster;

import dev.orderclock.rabbitmq.RabbitDelayTiers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Cluster mode's own settings ({@code orderclock.cluster.*}): the broker names' prefix, the due-queue
 * consumers, and the event relay. The connections themselves are Spring Boot's standard properties.
 */
@ConfigurationProperties("orderclock.cluster")
public record ClusterProperties(
        String prefix,
        Integer consumers,
        Integer prefetch,
        Integer batchSize,
        Duration retryDelay,
        Duration relayInterval,
        Integer relayBatchSize) {

    public ClusterProperties {
        prefix = prefix != null ? prefix : RabbitDelayTiers.DEFAULT_PREFIX;
        consumers = consumers != null ? consumers : 2;
        // Enough unacked messages in flight to fill a few batches while one commits.
        prefetch = prefetch != null ? prefetch : 2_000;
        batchSize = batchSize != null ? batchSize : 500;
        retryDelay = retryDelay != null ? retryDelay : Duration.ofMillis(500);
        relayInterval = relayInterval != null ? relayInterval : Duration.ofMillis(100);
        relayBatchSize = relayBatchSize != null ? relayBatchSize : 1_000;
    }
}
