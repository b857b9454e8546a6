package dev.orderclock.channels.alipay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The gateway over the JDK's {@link HttpClient}, with bounded waits: a connect timeout, and a read
 * timeout for the whole answer to start arriving. Headers as the SDK sends them.
 */
public final class HttpGatewayTransport implements GatewayTransport {

    private final HttpClient http;
    private final Duration readTimeout;

    public HttpGatewayTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public Reply post(URI uri, String formBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=" + GatewayCall.CHARSET)
                .header("Accept", "text/plain,text/xml,text/javascript,text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Charset charset = charsetOf(response.headers().firstValue("Content-Type").orElse(""));
        return new Reply(response.statusCode(), new String(response.body(), charset));
    }

    private static Charset charsetOf(String contentType) {
        for (String part : contentType.split(";")) {
            String parameter = part.trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                try {
                    return Charset.forName(parameter.substring("charset=".length()).replace("\"", ""));
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
