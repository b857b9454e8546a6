package dev.orderclock.server.sim;

import dev.orderclock.server.config.ClockConfiguration;
import dev.orderclock.server.config.StrictJsonConfiguration;
import dev.orderclock.server.identity.IdentityConfiguration;
import dev.orderclock.server.identity.IdentityProperties;
import dev.orderclock.server.identity.IssuedAdminToken;
import dev.orderclock.server.problem.ProblemAdvice;
import dev.orderclock.server.problem.ProblemConfiguration;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/**
 * The channel simulator alone, on its own port, with no database and no order service:
 * {@code java -cp orderclock-server.jar -Dloader.main=dev.orderclock.server.sim.SimulatorApplication
 * org.springframework.boot.loader.launch.PropertiesLauncher --server.port=9090}. Deliberately not a
 * {@code @Configuration}, so that the service's own component scan passes it by.
 */
@EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan(basePackageClasses = SimulatorApplication.class)
@ConfigurationPropertiesScan(basePackageClasses = SimulatorApplication.class)
@EnableConfigurationProperties(IdentityProperties.class)
@Import({ClockConfiguration.class, IdentityConfiguration.class, ProblemConfiguration.class, ProblemAdvice.class,
        StrictJsonConfiguration.class})
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorApplication.class, args);
    }

    /** API.md: a token the server generated is logged once, so that an operator can switch faults. */
    @Bean
    ApplicationRunner announceGeneratedToken(IssuedAdminToken issued) {
        return args -> {
            if (issued.wasGenerated()) {
                LoggerFactory.getLogger(SimulatorApplication.class).info(
                        "orderclock.admin-token is not set; operators use this generated token until restart: {}",
                        issued.generated());
            }
        };
    }
}
