package dev.orderclock.server.events;

import dev.orderclock.jdbc.JdbcOutbox;
import dev.orderclock.outbox.Outbox;

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
}
