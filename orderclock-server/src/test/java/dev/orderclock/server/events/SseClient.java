package dev.orderclock.server.events;

import dev.orderclock.server.testing.Api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent events reader for {@code GET /api/events}: collects the events as they arrive. */
final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> body;

    private SseClient(int port, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Authorization", "Bearer " + Api.OPERATOR_TOKEN)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            body = r.body();
            Thread reader = new Thread(
                    () -> {
                        try {
                            body.forEach(lines::add);
                        } catch (RuntimeException ignored) {
                            // closed by the test
                        }
                    },
                    "sse-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    static SseClient open(int port) {
        return new SseClient(port, null);
    }

    static SseClient resume(int port, String lastEventId) {
        return new SseClient(port, lastEventId);
    }

    /** Whether the stream has started (its first heartbeat arrived). */
    boolean isOpen() {
        return !lines.isEmpty();
    }

    /** The events received so far, parsed. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        String id = null;
        String type = null;
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                type = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                events.add(new Event(id, type, line.substring(5)));
                id = null;
                type = null;
            }
        }
        return events;
    }

    @Override
    public void close() {
        response.cancel(true);
        if (body != null) {
            body.close();
        }
    }

    record Event(String id, String type, String data) {}
}
