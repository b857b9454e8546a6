package dev.orderclock.server.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A real HTTP client for the server under test: requests read as {@code api.post(path).as(user).json(body).send()}. */
public final class Api {

    public static final String OPERATOR_TOKEN = "test-operator-token-at-least-32-characters";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public Request get(String path) {
        return new Request("GET", path);
    }

    public Request post(String path) {
        return new Request("POST", path);
    }

    public Request method(String method, String path) {
        return new Request(method, path);
    }

    /** One request being built; {@link #send()} sends it. */
    public final class Request {

        private final String method;
        private final HttpRequest.Builder builder;
        private BodyPublisher body = BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        }

        /** As a shopper. */
        public Request as(String userId) {
            return header("X-User-Id", userId);
        }

        public Request asOperator() {
            return header("Authorization", "Bearer " + OPERATOR_TOKEN);
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Request json(String json) {
            header("Content-Type", "application/json");
            body = BodyPublishers.ofString(json);
            return this;
        }

        /** A body as it is, with whatever Content-Type the caller set. */
        public Request body(String text) {
            body = BodyPublishers.ofString(text);
            return this;
        }

        /** A body of unknown length: sent chunked, without Content-Length. */
        public Request chunkedJson(byte[] json) {
            header("Content-Type", "application/json");
            return chunked(json);
        }

        /** A body of unknown length, with whatever Content-Type the caller set: sent chunked. */
        public Request chunked(byte[] bytes) {
            body = BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        public Reply send() {
            try {
                HttpResponse<String> response =
                        HTTP.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
