package dev.orderclock.web.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.InstantSource;

/**
 * The one place that reads the system clock. Everything else is handed this {@link InstantSource},
 * so a test can put a manual clock in its place.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    InstantSource clock() {
        return Clock.systemUTC();
    }
}
