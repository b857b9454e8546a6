package dev.orderclock.simulator;

import dev.orderclock.channels.alipay.FormCodec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A shop's notify endpoint for tests: a real HTTP server on a free port that keeps every notification
 * it receives and answers what the test says (Alipay's {@code success} unless told otherwise).
 */
public final class NotificationCatcher implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, String> answer = notification -> "success";
    private volatile Function<Received, Integer> status = notification -> 200;

    /** One notification as it arrived: lower-case header names, the raw body and its form fields. */
    public record Received(Map<String, String> headers, String body) {

        public Map<String, String> fields() {
            return FormCodec.decode(body);
        }

        public String field(String name) {
            return fields().get(name);
        }
    }

    public NotificationCatcher() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notify", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/notify";
    }

    /** What the endpoint answers from now on, per notification. */
    public NotificationCatcher answering(Function<Received, String> answer) {
        this.answer = answer;
        return this;
    }

    /** The HTTP status the endpoint answers from now on, per notification (200 unless told otherwise). */
    public NotificationCatcher answeringStatus(Function<Received, Integer> status) {
        this.status = status;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The notifications about one trade. */
    public List<Received> about(String tradeNo) {
        return received.stream()
                .filter(notification -> tradeNo.equals(notification.field("out_trade_no")))
                .toList();
    }

    /** Waits (at most 10 s) until {@code count} notifications about the trade have arrived. */
    public List<Received> await(String tradeNo, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> about(tradeNo).size() >= count);
        return about(tradeNo);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(
                        entry -> entry.getKey().toLowerCase(Locale.ROOT),
                        entry -> entry.getValue().get(0)));
        Received notification = new Received(headers, body);
        received.add(notification);
        byte[] reply = answer.apply(notification).getBytes(StandardCharsets.UTF_8);
        int code = status.apply(notification);
        exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
        exchange.sendResponseHeaders(code, code == 204 ? -1 : reply.length);
        if (code != 204) {
            exchange.getResponseBody().write(reply);
        }
        exchange.close();
    }
}
