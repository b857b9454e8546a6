package dev.orderclock.channels.wechat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Carries a WeChat Pay v3 call over HTTP and brings back what came; an exception means no answer came. */
public interface WechatTransport {

    /**
     * @param body null for a call without a body (GET)
     * @throws IOException on a refused connection, a timeout, a reset: the outcome is unknown
     */
    Reply send(String method, URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException;

    /** The HTTP status, the headers (lower-case names, first value) and the body as UTF-8 text. */
    record Reply(int status, Map<String, String> headers, String body) {

        public Reply {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }
}
