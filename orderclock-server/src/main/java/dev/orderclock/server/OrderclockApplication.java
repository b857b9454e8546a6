package dev.orderclock.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The orderclock service: REST API, deadline engine and metrics in one process ({@code java -jar}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderclockApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderclockApplication.class, args);
    }
}
