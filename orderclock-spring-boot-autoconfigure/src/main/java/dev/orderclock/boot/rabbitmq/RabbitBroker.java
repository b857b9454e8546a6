package dev.orderclock.boot.rabbitmq;

import dev.orderclock.boot.DeadlineTableException;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * The broker of the application's {@code spring.rabbitmq.*}, read by name as Spring Boot reads it:
 * {@code addresses} ({@code [amqp[s]://][user:password@]host[:port][/vhost]}, comma-separated or a
 * list) wins over {@code host}/{@code port}, and its first entry's credentials, virtual host and scheme
 * win over {@code username}, {@code password}, {@code virtual-host} and {@code ssl.enabled}. TLS uses
 * the JVM's default trust store and checks the host name unless {@code ssl.verify-hostname=false}.
 */
record RabbitBroker(
        List<Address> addresses,
        String username,
        String password,
        String virtualHost,
        boolean ssl,
        boolean verifyHostname) {

    private static final Logger log = LoggerFactory.getLogger(RabbitBroker.class);
    private static final String PREFIX = "spring.rabbitmq.";
    /** Boot's TLS settings this connection does not apply: named in a WARN rather than ignored silently. */
    private static final List<String> UNSUPPORTED_SSL =
            List.of("bundle", "key-store", "trust-store", "algorithm", "validate-server-certificate");

    static RabbitBroker of(Environment environment) {
        List<String> configured =
                Binder.get(environment)
                        .bind(PREFIX + "addresses", Bindable.listOf(String.class))
                        .orElse(List.of())
                        .stream()
                        .map(String::trim)
                        .filter(address -> !address.isEmpty())
                        .toList();
        String username = environment.getProperty(PREFIX + "username", "guest");
        String password = environment.getProperty(PREFIX + "password", "guest");
        String virtualHost = environment.getProperty(PREFIX + "virtual-host", "/");
        boolean ssl = environment.getProperty(PREFIX + "ssl.enabled", Boolean.class, false);
        boolean verifyHostname = environment.getProperty(PREFIX + "ssl.verify-hostname", Boolean.class, true);
        if (configured.isEmpty()) {
            String host = environment.getProperty(PREFIX + "host", "localhost");
            int port = environment.getProperty(PREFIX + "port", Integer.class, defaultPort(ssl));
            return new RabbitBroker(
                    List.of(new Address(host, port)), username, password, virtualHost, ssl, verifyHostname);
        }
        List<Parsed> parsed = configured.stream().map(Parsed::of).toList();
        Parsed first = parsed.get(0);
        boolean firstSsl = first.secure() == null ? ssl : first.secure();
        List<Address> addresses = new ArrayList<>();
        for (Parsed address : parsed) {
            boolean secure = address.secure() == null ? firstSsl : address.secure();
            addresses.add(new Address(address.host(), address.port() < 0 ? defaultPort(secure) : address.port()));
        }
        return new RabbitBroker(
                List.copyOf(addresses),
                first.username() == null ? username : first.username(),
                first.password() == null ? password : first.password(),
                first.virtualHost() == null ? virtualHost : first.virtualHost(),
                firstSsl,
                verifyHostname);
    }

    /** A factory for this broker, with the recovery settings left to the caller. */
    ConnectionFactory connectionFactory(Environment environment) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        if (ssl) {
            try {
                factory.useSslProtocol(SSLContext.getDefault());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JVM offers no default TLS context for RabbitMQ", e);
            }
            if (verifyHostname) {
                factory.enableHostnameVerification();
            }
            List<String> ignored = UNSUPPORTED_SSL.stream()
                    .filter(name -> environment.containsProperty(PREFIX + "ssl." + name))
                    .toList();
            if (!ignored.isEmpty()) {
                log.warn(
                        "orderclock's RabbitMQ connection does not apply spring.rabbitmq.ssl.{}: it trusts the JVM's "
                                + "default trust store (-Djavax.net.ssl.trustStore=...)",
                        String.join(", ssl.", ignored));
            }
        }
        return factory;
    }

    private static int defaultPort(boolean ssl) {
        return ssl ? ConnectionFactory.DEFAULT_AMQP_OVER_SSL_PORT : ConnectionFactory.DEFAULT_AMQP_PORT;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "RabbitBroker[" + addresses + ", user " + username + ", vhost " + virtualHost + ", ssl " + ssl + "]";
    }

    /** One entry of {@code spring.rabbitmq.addresses}; null where the entry does not say. */
    private record Parsed(String host, int port, String username, String password, String virtualHost, Boolean secure) {

        static Parsed of(String input) {
            String rest = input;
            Boolean secure = null;
            String lower = rest.toLowerCase(Locale.ROOT);
            if (lower.startsWith("amqps://")) {
                secure = true;
                rest = rest.substring("amqps://".length());
            } else if (lower.startsWith("amqp://")) {
                secure = false;
                rest = rest.substring("amqp://".length());
            }
            String username = null;
            String password = null;
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String credentials = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = credentials.indexOf(':');
                username = colon < 0 ? credentials : credentials.substring(0, colon);
                password = colon < 0 ? null : credentials.substring(colon + 1);
            }
            String virtualHost = null;
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                virtualHost = rest.substring(slash + 1).isEmpty() ? "/" : rest.substring(slash + 1);
                rest = rest.substring(0, slash);
            }
            // An IPv6 literal keeps its colons inside brackets: [::1]:5672.
            int portColon = rest.startsWith("[") ? rest.indexOf(':', rest.indexOf(']')) : rest.lastIndexOf(':');
            String host = portColon < 0 ? rest : rest.substring(0, portColon);
            int port = -1;
            if (portColon >= 0) {
                try {
                    port = Integer.parseInt(rest.substring(portColon + 1));
                } catch (NumberFormatException e) {
                    throw invalid(rest, "has no numeric port after the host", e);
                }
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isEmpty()) {
                throw invalid(rest, "names no host", null);
            }
            return new Parsed(host, port, username, password, virtualHost, secure);
        }

        /** Quotes the entry without its scheme and credentials: a password never reaches a log. */
        private static DeadlineTableException invalid(String hostAndPort, String problem, Throwable cause) {
            DeadlineTableException e = new DeadlineTableException(
                    null,
                    "spring.rabbitmq.addresses: '" + hostAndPort + "' " + problem,
                    "Write each address as host:port, e.g. rabbit1:5672,rabbit2:5672.");
            if (cause != null) {
                e.initCause(cause);
            }
            return e;
        }
    }
}
