package dev.orderclock.server.payment;

import dev.orderclock.channels.settings.AddressResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The port this server listens on, for addresses that name it ({@code ${local.server.port}}: the
 * built-in simulator's gateway, the default notify URLs). It is known only once the web server
 * listens, and the engine starts before that, so the start-up backlog's channel checks would ask
 * too early: an address naming the port waits for it here, bounded by {@link #DEFAULT_WAIT}.
 */
@Component
public final class ServerPortAddresses implements AddressResolver, ApplicationListener<WebServerInitializedEvent> {

    /** Longer than a server takes to start listening once its context is up; a check that waits longer fails and is retried. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private static final String PLACEHOLDER = "${local.server.port}";

    private final Environment environment;
    private final Duration wait;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile int port;

    @Autowired
    public ServerPortAddresses(Environment environment) {
        this(environment, DEFAULT_WAIT);
    }

    ServerPortAddresses(Environment environment, Duration wait) {
        this.environment = environment;
        this.wait = wait;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) { // not a management server of its own
            port = event.getWebServer().getPort();
            listening.countDown();
        }
    }

    /**
     * {@code template} with its placeholders resolved; a template naming the port waits until the server
     * listens (at most the bound), unless the port is already known. The channels call it at first use
     * of an address and keep the answer.
     */
    @Override
    public String apply(String template) {
        return environment.resolveRequiredPlaceholders(withPort(template));
    }

    private String withPort(String template) {
        if (!template.contains(PLACEHOLDER) || environment.containsProperty("local.server.port")) {
            return template;
        }
        try {
            if (!listening.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "the web server did not listen within " + wait + ": " + template + " names its port");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the web server's port for " + template, e);
        }
        // The event's own port: the environment may learn it from another listener of the same event, later.
        return template.replace(PLACEHOLDER, Integer.toString(port));
    }
}
