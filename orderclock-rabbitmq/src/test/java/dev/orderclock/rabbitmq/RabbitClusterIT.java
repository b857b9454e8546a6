package dev.orderclock.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The assembly on the local RabbitMQ: what it builds is declared and wired to the same tiers. */
class RabbitClusterIT {

    private final String prefix = "cluster-" + System.nanoTime() + ".";
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void connect() throws Exception {
        connection = RabbitCluster.recovering(new ConnectionFactory()).newConnection("RabbitClusterIT");
        channel = connection.createChannel();
    }

    @AfterEach
    void deleteWhatWasDeclared() throws Exception {
        new RabbitDelayTiers(prefix).delete(channel);
        connection.close();
    }

    @Test
    void buildingDeclaresTheTiersUnderItsPrefix() throws Exception {
        RabbitCluster cluster = RabbitCluster.on(connection, InstantSource.system())
                .prefix(prefix)
                .build();

        assertThat(cluster.tiers().prefix()).isEqualTo(prefix);
        channel.queueDeclarePassive(cluster.tiers().dueQueue());
        channel.queueDeclarePassive(cluster.tiers().tierQueue(RabbitDelayTiers.LEVELS - 1));
    }

    @Test
    void aDeadlineScheduledThroughTheClusterArrivesOnItsDueQueue() throws Exception {
        // given the cluster's scheduler, publishing each deadline at once
        RabbitCluster cluster = RabbitCluster.on(connection, InstantSource.system())
                .prefix(prefix)
                .delayBatches(1, Duration.ofMillis(10))
                .build();
        List<Long> arrived = new CopyOnWriteArrayList<>();
        channel.basicConsume(
                cluster.tiers().dueQueue(),
                true,
                (tag, delivery) -> {
                    DelayMessage message = DelayMessage.from(delivery);
                    for (long id : message.ids()) {
                        arrived.add(id);
                    }
                },
                tag -> {});

        // when a deadline a second away is scheduled
        try (RabbitDeadlineScheduler scheduler = cluster.scheduler()) {
            scheduler.schedule(NoDeadlines.SOURCE, 42, Instant.now().plusSeconds(1));

            // then it comes off the due queue
            await().atMost(Duration.ofSeconds(10)).until(() -> arrived.contains(42L));
        }
    }
}
