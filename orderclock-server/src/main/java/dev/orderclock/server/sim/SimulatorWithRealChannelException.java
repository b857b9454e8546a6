package dev.orderclock.server.sim;

import java.util.List;

/**
 * The simulator is on while a real payment channel is configured: the server does not start, since
 * the simulator lets anyone pay an order without money and could stand in for a channel left half-configured.
 */
public final class SimulatorWithRealChannelException extends IllegalStateException {

    private final List<String> properties;

    public SimulatorWithRealChannelException(List<String> properties) {
        super("The payment simulator is on (orderclock.sim.enabled=true, the default) while a real payment channel is "
                + "configured: " + String.join(", ", properties) + ". Set orderclock.sim.enabled=false to go live, "
                + "or remove those properties to run the simulated demo.");
        this.properties = List.copyOf(properties);
    }

    /** The real-channel properties found, in {@link RealChannelProperties#NAMES} order. */
    public List<String> properties() {
        return properties;
    }
}
