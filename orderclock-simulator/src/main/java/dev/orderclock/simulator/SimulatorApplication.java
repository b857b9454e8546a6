package dev.orderclock.simulator;

import dev.orderclock.simulator.host.StandaloneSimulatorHost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The channel simulator alone, on its own port, with no database and no order service:
 * {@code java -cp orderclock-server.jar -Dloader.main=dev.orderclock.simulator.SimulatorApplication
 * org.springframework.boot.loader.launch.PropertiesLauncher --server.port=9090}. Who may switch faults and how
 * errors read come from orderclock-web, through {@link StandaloneSimulatorHost}: the service's identity and
 * problem documents. Deliberately not a {@code @Configuration}, so that the service's own scan of this package
 * passes it by.
 */
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan(basePackageClasses = SimulatorApplication.class)
@ConfigurationPropertiesScan(basePackageClasses = SimulatorApplication.class)
@Import(StandaloneSimulatorHost.class)
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SimulatorApplication.class);
        // The server jar carries springdoc for the service's contract; the simulator alone has none to serve.
        application.setDefaultProperties(
                Map.of("springdoc.api-docs.enabled", "false", "springdoc.swagger-ui.enabled", "false"));
        application.run(args);
    }
}
