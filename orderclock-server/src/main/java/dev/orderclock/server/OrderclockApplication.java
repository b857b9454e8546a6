package dev.orderclock.server;

import dev.orderclock.channels.ChannelsConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The orderclock service: REST API, deadline engine and metrics in one process ({@code java -jar}). */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ChannelsConfiguration.class)
public class OrderclockApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderclockApplication.class, args);
    }
}
