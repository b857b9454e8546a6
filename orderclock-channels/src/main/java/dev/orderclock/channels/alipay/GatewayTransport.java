package dev.orderclock.channels.alipay;

import java.io.IOException;
import java.net.URI;

/** Carries a gateway call over HTTP and brings back what came; an exception means no answer came. */
public interface GatewayTransport {

    /** @throws IOException on a refused connection, a timeout, a reset: the outcome is unknown */
    Reply post(URI uri, String formBody) throws IOException, InterruptedException;

    /** The HTTP status and the body, decoded with the charset the answer declared (UTF-8 if none). */
    record Reply(int status, String body) {}
}
