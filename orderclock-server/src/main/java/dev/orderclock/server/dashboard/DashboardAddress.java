package dev.orderclock.server.dashboard;

import dev.orderclock.web.identity.IssuedAdminToken;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the one line a newcomer needs once the web server listens: the dashboard's address. A token
 * generated for this run rides in the URL fragment, as notebook servers do: the browser keeps a
 * fragment to itself, so it never reaches a request line or an access log. A configured token is
 * never printed.
 */
@Component
class DashboardAddress implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DashboardAddress.class);

    private final IssuedAdminToken issued;
    private final Environment environment;

    DashboardAddress(IssuedAdminToken issued, Environment environment) {
        this.issued = issued;
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server (management.server.port), not the one serving the dashboard
        }
        String url = url(event.getWebServer().getPort());
        if (issued.wasGenerated()) {
            log.info(
                    "dashboard: {}#token={} (an operator token generated for this run; set orderclock.admin-token "
                            + "or ORDERCLOCK_ADMIN_TOKEN to choose your own)",
                    url,
                    issued.generated());
        } else {
            log.info("dashboard: {} (sign in with the operator token set in orderclock.admin-token)", url);
        }
    }

    String url(int port) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, false);
        String address = environment.getProperty("server.address", "");
        String host = address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)
                ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return (tls ? "https" : "http") + "://" + host + ":" + port + contextPath + "/";
    }
}
