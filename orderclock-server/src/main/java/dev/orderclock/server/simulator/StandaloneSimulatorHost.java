package dev.orderclock.server.simulator;

import dev.orderclock.server.config.ClockConfiguration;
import dev.orderclock.server.config.StrictJsonConfiguration;
import dev.orderclock.server.identity.IdentityConfiguration;
import dev.orderclock.server.identity.IdentityProperties;
import dev.orderclock.server.identity.IssuedAdminToken;
import dev.orderclock.server.problem.ProblemAdvice;
import dev.orderclock.server.problem.ProblemConfiguration;
import dev.orderclock.simulator.ImportSimulatorHost;
import dev.orderclock.simulator.SimulatorApplication;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the server jar gives the standalone {@link SimulatorApplication} (named for {@link ImportSimulatorHost}
 * in {@code META-INF/spring}): the clock, operator identity, problem documents and strict JSON of the service.
 * Deliberately not a {@code @Configuration}, so that the service's own component scan passes it by.
 */
@EnableConfigurationProperties(IdentityProperties.class)
@Import({
    ClockConfiguration.class,
    IdentityConfiguration.class,
    ProblemConfiguration.class,
    ProblemAdvice.class,
    StrictJsonConfiguration.class,
    SimulatorOperators.class
})
public class StandaloneSimulatorHost {

    /** docs/API.md: a token the server generated is logged once, so that an operator can switch faults. */
    @Bean
    ApplicationRunner announceGeneratedToken(IssuedAdminToken issued) {
        return args -> {
            if (issued.wasGenerated()) {
                LoggerFactory.getLogger(SimulatorApplication.class)
                        .info(
                                "orderclock.admin-token is not set; operators use this generated token until restart: {}",
                                issued.generated());
            }
        };
    }
}
