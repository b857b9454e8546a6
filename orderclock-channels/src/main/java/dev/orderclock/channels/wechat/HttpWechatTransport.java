package dev.orderclock.channels.wechat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** WeChat Pay's API over the JDK's {@link HttpClient}, with a connect timeout and a timeout for the answer. */
public final class HttpWechatTransport implements WechatTransport {

    private final HttpClient http;
    private final Duration readTimeout;

    public HttpWechatTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public Reply send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(readTimeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> received = new HashMap<>();
        response.headers().map().forEach((name, values) -> {
            List<String> present = values.stream().filter(value -> value != null).toList();
            if (!present.isEmpty()) {
                received.put(name.toLowerCase(Locale.ROOT), present.get(0));
            }
        });
        return new Reply(response.statusCode(), received, response.body());
    }
}
