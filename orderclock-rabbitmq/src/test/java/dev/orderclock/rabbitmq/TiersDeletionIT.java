package dev.orderclock.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link RabbitDelayTiers#deleteAll} on the local RabbitMQ: every tier queue, the due queue and the
 * exchanges of the prefix are gone afterwards (a passive declare is refused with 404), messages in
 * them included, and a second call on what is already gone succeeds.
 */
class TiersDeletionIT {

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test-deletion-" + System.nanoTime() + ".");
    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;

    @BeforeEach
    void declare() throws Exception {
        connection = factory.newConnection("TiersDeletionIT");
        try (Channel channel = connection.createChannel()) {
            tiers.declare(channel);
            // one message waiting in the top tier, one already on the due queue
            channel.basicPublish(
                    tiers.entryExchange(),
                    RabbitDelayTiers.routingKey(RabbitDelayTiers.MAX_DELAY_SECONDS),
                    MessageProperties.PERSISTENT_BASIC,
                    "far".getBytes(StandardCharsets.US_ASCII));
            channel.basicPublish(
                    tiers.deliveryExchange(),
                    "",
                    MessageProperties.PERSISTENT_BASIC,
                    "due".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @AfterEach
    void deleteWhatIsLeft() throws Exception {
        try (Channel channel = connection.createChannel()) {
            tiers.delete(channel);
        } finally {
            connection.close();
        }
    }

    @Test
    void deleteAllLeavesNoQueueAndNoExchangeOfThePrefix() throws Exception {
        // given the prefix's queues exist, with messages in them
        for (String queue : queues()) {
            assertThat(passiveQueueDeclare(queue)).as(queue).isEqualTo(200);
        }

        // when it is taken down, twice (the second finds nothing)
        RabbitDelayTiers.deleteAll(factory, tiers.prefix());
        RabbitDelayTiers.deleteAll(factory, tiers.prefix());

        // then neither a queue nor an exchange of it is left
        for (String queue : queues()) {
            assertThat(passiveQueueDeclare(queue)).as(queue).isEqualTo(404);
        }
        for (String exchange : exchanges()) {
            assertThat(passiveExchangeDeclare(exchange)).as(exchange).isEqualTo(404);
        }
    }

    private List<String> queues() {
        List<String> queues = new ArrayList<>();
        for (int level = 0; level < RabbitDelayTiers.LEVELS; level++) {
            queues.add(tiers.tierQueue(level));
        }
        queues.add(tiers.dueQueue());
        return queues;
    }

    private List<String> exchanges() {
        List<String> exchanges = new ArrayList<>();
        for (int level = 0; level < RabbitDelayTiers.LEVELS; level++) {
            exchanges.add(tiers.levelExchange(level));
        }
        exchanges.add(tiers.deliveryExchange());
        exchanges.add(tiers.eventsExchange());
        return exchanges;
    }

    /** 200 if the queue exists, else the code the broker closed the channel with (a channel per check: a refusal closes it). */
    private int passiveQueueDeclare(String queue) throws Exception {
        Channel channel = connection.createChannel();
        IOException refused = catchThrowableOfType(IOException.class, () -> channel.queueDeclarePassive(queue));
        return refusal(channel, refused);
    }

    private int passiveExchangeDeclare(String exchange) throws Exception {
        Channel channel = connection.createChannel();
        IOException refused = catchThrowableOfType(IOException.class, () -> channel.exchangeDeclarePassive(exchange));
        return refusal(channel, refused);
    }

    private static int refusal(Channel channel, IOException refused) throws Exception {
        if (refused == null) {
            channel.close();
            return 200;
        }
        assertThat(refused).hasCauseInstanceOf(ShutdownSignalException.class);
        return ((AMQP.Channel.Close) ((ShutdownSignalException) refused.getCause()).getReason()).getReplyCode();
    }
}
