package dev.orderclock.bench.compare.peers.rabbitmq;

import dev.orderclock.bench.compare.LibraryVersion;
import dev.orderclock.bench.compare.OrdersTable;
import dev.orderclock.bench.compare.Peer;
import dev.orderclock.bench.compare.PeerContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The classic RabbitMQ delay queue: each order is published, persistent and confirmed, to one
 * durable queue that nobody consumes, with a per-message TTL of its timeout; an expired message is
 * dead-lettered to the due queue, whose consumer checks the order and closes it, then acks. RabbitMQ
 * expires messages only at the head of a queue, so a long TTL at the head holds back shorter ones
 * behind it: with mixed deadlines that is head-of-line blocking.
 */
public final class RabbitTtlPeer implements Peer {

    private static final int PREFETCH = 50;
    // As many closing threads as the other in-memory peers get; one consumer closing one order per delivery is the
    // bottleneck otherwise.
    private static final int CONSUMERS = 4;

    private Connection connection;
    private String delayQueue;
    private String dueQueue;
    private String deadLetters;
    private final ThreadLocal<Channel> publishers = new ThreadLocal<>();
    private OrdersTable orders;
    private String brokerVersion = "?";

    @Override
    public String name() {
        return "RabbitMQ TTL + DLX";
    }

    @Override
    public String configuration() {
        return "amqp-client " + LibraryVersion.of(ConnectionFactory.class, "com.rabbitmq", "amqp-client")
                + " on RabbitMQ " + brokerVersion
                + ", one durable classic queue with per-message expiration = the timeout, "
                + "x-dead-letter-exchange to a direct exchange and a durable due queue; persistent messages, publisher "
                + "confirms per publish (one channel per client thread), after the order's commit; " + CONSUMERS
                + " consumers (a channel each), manual ack after the close commits, prefetch " + PREFETCH;
    }

    @Override
    public void start(PeerContext context) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(context.services().rabbit());
        connection = factory.newConnection("orderclock-bench " + context.prefix());
        brokerVersion = String.valueOf(connection.getServerProperties().get("version"));
        delayQueue = context.prefix() + ".delay";
        dueQueue = context.prefix() + ".due";
        deadLetters = context.prefix() + ".dlx";
        try (Channel setup = connection.createChannel()) {
            setup.exchangeDeclare(deadLetters, "direct", true);
            setup.queueDeclare(dueQueue, true, false, false, null);
            setup.queueBind(dueQueue, deadLetters, dueQueue);
            setup.queueDeclare(
                    delayQueue,
                    true,
                    false,
                    false,
                    Map.of(
                            "x-dead-letter-exchange", deadLetters,
                            "x-dead-letter-routing-key", dueQueue));
        }
        orders = context.orders();
        for (int i = 0; i < CONSUMERS; i++) {
            consume(connection.createChannel(), orders);
        }
    }

    private void consume(Channel consumer, OrdersTable orders) throws java.io.IOException {
        consumer.basicQos(PREFETCH);
        consumer.basicConsume(dueQueue, false, new DefaultConsumer(consumer) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                    throws java.io.IOException {
                try {
                    orders.close(Long.parseLong(new String(body, StandardCharsets.US_ASCII)));
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                } catch (Exception e) {
                    getChannel().basicNack(envelope.getDeliveryTag(), false, true);
                }
            }
        });
    }

    @Override
    public void schedule(long orderId, Instant deadline) throws Exception {
        Channel channel = publishers.get();
        if (channel == null) {
            channel = connection.createChannel();
            channel.confirmSelect();
            publishers.set(channel);
        }
        long ttl = orders.millisUntil(deadline);
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC
                .builder()
                .expiration(Long.toString(ttl))
                .build();
        channel.basicPublish("", delayQueue, properties, Long.toString(orderId).getBytes(StandardCharsets.US_ASCII));
        channel.waitForConfirmsOrDie(30_000);
    }

    @Override
    public void close() throws Exception {
        if (connection == null) {
            return;
        }
        try (Channel cleanup = connection.createChannel()) {
            cleanup.queueDelete(delayQueue);
            cleanup.queueDelete(dueQueue);
            cleanup.exchangeDelete(deadLetters);
        } finally {
            connection.close();
        }
    }
}
