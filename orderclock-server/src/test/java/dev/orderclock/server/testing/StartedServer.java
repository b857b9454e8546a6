package dev.orderclock.server.testing;

import dev.orderclock.server.OrderclockApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;
import javax.sql.DataSource;

/**
 * The whole server on a random port over a private in-memory H2, as {@link RunningServer} starts it,
 * but by hand: for test engines that Spring's JUnit extension does not serve (jqwik).
 */
public final class StartedServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StartedServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StartedServer start() {
        // As arguments: default properties would lose to application.yml (and open ./data).
        return new StartedServer(new SpringApplicationBuilder(OrderclockApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:orderclock-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--orderclock.admin-token=" + Api.OPERATOR_TOKEN,
                        // The properties are about parsing: the shop's request rates would refuse most tries first.
                        "--orderclock.limits.enabled=false"));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String property(String name) {
        return context.getEnvironment().getRequiredProperty(name);
    }

    /** What the server holds: the counts a refused request must leave as they were. */
    public StoredState state() {
        return StoredState.of(context.getBean(DataSource.class));
    }

    @Override
    public void close() {
        context.close();
    }
}
