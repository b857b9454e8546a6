package dev.orderclock.channels.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The JDK's {@link HttpClient} as every channel uses it, with bounded waits: a connect timeout, and a read
 * timeout for the whole answer to start arriving. HTTP/1.1 and no redirects: a channel's API answers where
 * it was asked, and anything else is not its answer.
 */
public final class ChannelHttpClient {

    private final HttpClient http;
    private final Duration readTimeout;

    public ChannelHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    /**
     * @param body null for a call without a body (GET)
     * @throws IOException on a refused connection, a timeout, a reset: the outcome is unknown
     */
    public Reply send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> received = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            List<String> present = values.stream().filter(Objects::nonNull).toList();
            if (!present.isEmpty()) {
                received.put(name.toLowerCase(Locale.ROOT), present.get(0));
            }
        });
        Charset charset = charsetOf(received.getOrDefault("content-type", ""));
        return new Reply(response.statusCode(), received, new String(response.body(), charset));
    }

    /** The HTTP status, the headers (lower-case names, first value) and the body, decoded with the declared charset. */
    public record Reply(int status, Map<String, String> headers, String body) {}

    /** The charset a {@code Content-Type} declares; UTF-8 when it declares none or one the JDK does not know. */
    static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String parameter = part.trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                try {
                    return Charset.forName(
                            parameter.substring("charset=".length()).replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
