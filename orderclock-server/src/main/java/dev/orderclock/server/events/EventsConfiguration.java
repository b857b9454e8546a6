package dev.orderclock.server.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.InstantSource;

/** The event stream over the outbox: the same in embedded and cluster mode. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    EventStream eventStream(JdbcTemplate jdbc, InstantSource clock) {
        return new EventStream(new OutboxTail(jdbc), clock);
    }
}
