package dev.orderclock.server.events;

import dev.orderclock.jdbc.JdbcOutbox;
import dev.orderclock.outbox.EventStream;
import dev.orderclock.outbox.Outbox;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;
import javax.sql.DataSource;

/** The outbox and the event stream over it: the same in embedded and cluster mode (where the relay reads it too). */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    Outbox outbox(DataSource dataSource, InstantSource clock) {
        return new JdbcOutbox(dataSource, clock);
    }

    @Bean
    EventStream eventStream(Outbox outbox, InstantSource clock) {
        return new EventStream(outbox, clock);
    }

    /** Ends every open stream before the web server's graceful shutdown waits for requests to finish. */
    @Bean
    SmartLifecycle eventStreamLifecycle(EventStream stream) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                stream.start();
            }

            @Override
            public void stop() {
                stream.stop();
            }

            @Override
            public boolean isRunning() {
                return stream.isRunning();
            }
        };
    }
}
