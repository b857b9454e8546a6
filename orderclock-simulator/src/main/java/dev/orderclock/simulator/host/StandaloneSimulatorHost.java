package dev.orderclock.simulator.host;

import dev.orderclock.simulator.SimulatorApplication;
import dev.orderclock.web.WebEdge;
import dev.orderclock.web.identity.IssuedAdminToken;

import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What the standalone {@link SimulatorApplication} imports from orderclock-web ({@link WebEdge}): the clock,
 * operator identity, problem documents and strict JSON of the service. {@link SimulatorOperators} is found by the simulator's
 * component scan, in the service and alone. Deliberately not a {@code @Configuration}, so that the service's
 * scan of the simulator's packages passes it by: the service imports these parts itself and tells a generated
 * token in its dashboard address, not on a line of this class's.
 */
@Import(WebEdge.class)
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
