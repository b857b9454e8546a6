package dev.orderclock.boot.rabbitmq;

import dev.orderclock.rabbitmq.DueQueueConsumer;
import dev.orderclock.rabbitmq.RabbitDeadlineScheduler;
import dev.orderclock.rabbitmq.RabbitDelayTiers;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code orderclock.cluster.rabbitmq.*}: deadlines scheduled through orderclock's RabbitMQ delay tiers,
 * on the broker of the application's {@code spring.rabbitmq.*}. Defaults are those of
 * {@code orderclock-rabbitmq} ({@link RabbitDelayTiers}, {@link RabbitDeadlineScheduler},
 * {@link DueQueueConsumer}), written out for the metadata processor.
 */
@ConfigurationProperties("orderclock.cluster.rabbitmq")
public class OrderClockRabbitProperties {

    /**
     * Whether deadlines go through the delay tiers (needs orderclock-rabbitmq on the class path). The
     * engine then loads no horizon: call Deadlines#schedule for every deadline; one never scheduled is
     * closed by the sweeper, at most grace + sweep interval late.
     */
    private boolean enabled = false;

    /** Prefix of the exchanges and queues the tiers declare; one per application sharing a broker. */
    private String prefix = "orderclock.";

    /** Due-queue consumers (channels and threads) on this node. */
    private int consumers = 2;

    /** Messages in flight per consumer. */
    private int prefetch = 4;

    /**
     * Most ids per published message. The due-queue consumer hands them to the engine, whose
     * orderclock.engine.firing-batch-size and retry-delay rule its closing transactions.
     */
    private int batchSize = 500;

    /** The longest a batch of deadlines waits for more before it is published. */
    private Duration linger = Duration.ofSeconds(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public int getConsumers() {
        return consumers;
    }

    public void setConsumers(int consumers) {
        this.consumers = consumers;
    }

    public int getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(int prefetch) {
        this.prefetch = prefetch;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getLinger() {
        return linger;
    }

    public void setLinger(Duration linger) {
        this.linger = linger;
    }
}
