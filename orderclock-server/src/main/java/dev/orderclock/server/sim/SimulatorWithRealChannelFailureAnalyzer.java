package dev.orderclock.server.sim;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a simulator configured beside a real channel. */
public class SimulatorWithRealChannelFailureAnalyzer extends AbstractFailureAnalyzer<SimulatorWithRealChannelException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SimulatorWithRealChannelException cause) {
        String found = String.join("\n    ", cause.properties());
        return new FailureAnalysis("""
                The built-in payment simulator is on (orderclock.sim.enabled is true, the default), and a real \
                payment channel is configured:
                    %s
                The simulator lets anyone pay an order without money, so it never runs beside a real channel.\
                """.formatted(found), """
                To go live: set orderclock.sim.enabled=false and configure every property of each real channel.
                To run the simulated demo: remove the properties above.\
                """, cause);
    }
}
