package dev.orderclock.channels.alipay;

import dev.orderclock.channels.http.ChannelHttpClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The gateway over the channels' {@link ChannelHttpClient}: a form POST, with the headers the SDK sends. */
public final class HttpGatewayTransport implements GatewayTransport {

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded;charset=" + GatewayCall.CHARSET,
            "Accept",
            "text/plain,text/xml,text/javascript,text/html,application/json");

    private final ChannelHttpClient http;

    public HttpGatewayTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = new ChannelHttpClient(connectTimeout, readTimeout);
    }

    @Override
    public Reply post(URI uri, String formBody) throws IOException, InterruptedException {
        ChannelHttpClient.Reply reply = http.send("POST", uri, HEADERS, formBody);
        return new Reply(reply.status(), reply.body());
    }
}
