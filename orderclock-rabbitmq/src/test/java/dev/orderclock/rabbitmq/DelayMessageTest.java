package dev.orderclock.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wire format of a delay message and its routing by the earliest deadline it carries. */
class DelayMessageTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void isRoutedByItsEarliestDeadlineRoundedDown() {
        // given deadlines 10.9 s, 10.2 s and 10.6 s from now
        DelayMessage message =
                new DelayMessage("pay", new long[] {1, 2, 3}, new long[] {NOW + 10_900, NOW + 10_200, NOW + 10_600});

        // then it spends 10 s in the tiers: it reaches the due queue before its earliest deadline
        assertThat(message.earliestDueMillis()).isEqualTo(NOW + 10_200);
        assertThat(message.routingKey(NOW)).isEqualTo(RabbitDelayTiers.routingKey(10));
        // and a batch that waited past its earliest deadline goes straight to the due queue
        assertThat(message.routingKey(NOW + 10_300)).isEqualTo(RabbitDelayTiers.routingKey(0));
    }

    @Test
    void readsBackWhatItWrites() {
        // given a message of three deadlines
        DelayMessage sent =
                new DelayMessage("pay", new long[] {7, Long.MAX_VALUE, 9}, new long[] {NOW + 1, NOW + 2, NOW + 3});

        // when it travels
        DelayMessage received = DelayMessage.from(delivery(sent.properties(), sent.body()));

        // then the source, the ids and the due times come back, and the header names the earliest
        assertThat(received.source()).isEqualTo("pay");
        assertThat(received.ids()).containsExactly(7, Long.MAX_VALUE, 9);
        assertThat(received.dueMillis()).containsExactly(NOW + 1, NOW + 2, NOW + 3);
        assertThat(sent.properties().getHeaders()).containsEntry(DelayMessage.DUE_HEADER, NOW + 1);
        assertThat(sent.body()).hasSize(4 + 3 * 16);
    }

    @Test
    void readsAOneDeadlineMessageOfThePreviousFormat() {
        // given a message as a node of the previous version published it
        AMQP.BasicProperties old = new AMQP.BasicProperties.Builder()
                .contentType("text/plain")
                .headers(Map.of(DelayMessage.SOURCE_HEADER, "pay", DelayMessage.DUE_HEADER, NOW))
                .build();

        // then it reads as one deadline
        DelayMessage message = DelayMessage.from(delivery(old, "42".getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.ids()).containsExactly(42);
        assertThat(message.dueMillis()).containsExactly(NOW);
    }

    @Test
    void refusesWhatIsNotADeadlineMessage() {
        AMQP.BasicProperties ours = new DelayMessage("pay", new long[] {1}, new long[] {NOW}).properties();
        assertThatThrownBy(() -> DelayMessage.from(delivery(new AMQP.BasicProperties(), new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DelayMessage.from(delivery(ours, new byte[] {0, 0, 0, 2, 1})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DelayMessage.from(delivery(ours, new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Delivery delivery(AMQP.BasicProperties properties, byte[] body) {
        return new Delivery(new Envelope(1, false, "", "due"), properties, body);
    }
}
