package dev.orderclock.channels.wechat;

import dev.orderclock.channels.http.ChannelHttpClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** WeChat Pay's API over the channels' {@link ChannelHttpClient}. */
public final class HttpWechatTransport implements WechatTransport {

    private final ChannelHttpClient http;

    public HttpWechatTransport(Duration connectTimeout, Duration readTimeout) {
        this.http = new ChannelHttpClient(connectTimeout, readTimeout);
    }

    @Override
    public Reply send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        ChannelHttpClient.Reply reply = http.send(method, uri, headers, body);
        return new Reply(reply.status(), reply.headers(), reply.body());
    }
}
