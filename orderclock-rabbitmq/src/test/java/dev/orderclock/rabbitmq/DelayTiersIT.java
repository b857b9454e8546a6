package dev.orderclock.rabbitmq;

import dev.orderclock.deadline.DeadlineSource;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tiers on the local RabbitMQ: deadlines scheduled at once with delays of 1, 3, 7 and 12 s and a
 * random mix arrive on the due queue in due order, batched by due second, none after its deadline
 * and none more than two seconds before it, the longest scheduled first so that a short one blocked
 * behind it would show.
 */
class DelayTiersIT {

    private static final DeadlineSource SOURCE = NoDeadlines.SOURCE;

    private final RabbitDelayTiers tiers = new RabbitDelayTiers("test-" + System.nanoTime() + ".");
    private Connection connection;
    private Channel channel;

    @BeforeEach
    void declare() throws Exception {
        connection = new ConnectionFactory().newConnection("DelayTiersIT");
        channel = connection.createChannel();
        tiers.declare(channel);
        tiers.declare(channel); // idempotent
    }

    @AfterEach
    void deleteWhatWasDeclared() throws Exception {
        tiers.delete(channel);
        connection.close();
    }

    @Test
    void mixedDelaysArriveInDueOrderEachWithinASecondOfItsDueTime() throws Exception {
        // given a consumer recording when each deadline reaches the due queue
        record Arrival(long id, long dueMillis, long arrivedMillis) {}
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        AtomicInteger messages = new AtomicInteger();
        channel.basicConsume(
                tiers.dueQueue(),
                true,
                (tag, delivery) -> {
                    DelayMessage message = DelayMessage.from(delivery);
                    messages.incrementAndGet();
                    long arrived = System.currentTimeMillis();
                    for (int i = 0; i < message.size(); i++) {
                        arrivals.add(new Arrival(message.ids()[i], message.dueMillis()[i], arrived));
                    }
                },
                tag -> {});
        RabbitDeadlineScheduler scheduler =
                new RabbitDeadlineScheduler(connection, tiers, InstantSource.system()).start();

        // when the long ones are published first, then the short ones, then a random mix (fractions of a second too)
        List<Long> delays = new ArrayList<>(List.of(12_000L, 7_000L, 3_000L, 1_000L));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40; i++) {
            delays.add(random.nextLong(500, 12_000));
        }
        long now = System.currentTimeMillis();
        for (int i = 0; i < delays.size(); i++) {
            scheduler.schedule(SOURCE, i, Instant.ofEpochMilli(now + delays.get(i)));
        }

        // then all arrive in one message per due second, each at most a second late and at most two early (a
        // batch is routed by its earliest deadline rounded down to whole seconds; the consumer's wheel waits
        // out the rest), and in due order up to that rounding
        await().atMost(Duration.ofSeconds(20)).until(() -> arrivals.size() == delays.size());
        assertThat(scheduler.lost()).isZero();
        assertThat(messages.get())
                .as("messages for %d deadlines", delays.size())
                .isLessThan(delays.size() / 2);
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival arrival = arrivals.get(i);
            assertThat(arrival.arrivedMillis())
                    .as("arrival of %s", arrival)
                    .isBetween(arrival.dueMillis() - 2_000, arrival.dueMillis() + 1_000);
            for (Arrival later : arrivals.subList(i + 1, arrivals.size())) {
                assertThat(later.dueMillis())
                        .as("%s arrived after %s", later, arrival)
                        .isGreaterThan(arrival.dueMillis() - 2_000);
            }
        }
        scheduler.close();
        assertThat(arrivals).extracting(Arrival::id).containsSubsequence(3L, 2L, 1L, 0L);
        System.out.printf(
                "delay tiers: %d deadlines in %d messages, arrival minus deadline from %d to %d ms%n",
                arrivals.size(),
                messages.get(),
                arrivals.stream()
                        .mapToLong(a -> a.arrivedMillis() - a.dueMillis())
                        .min()
                        .orElseThrow(),
                arrivals.stream()
                        .mapToLong(a -> a.arrivedMillis() - a.dueMillis())
                        .max()
                        .orElseThrow());
    }
}
