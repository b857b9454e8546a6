package dev.orderclock.simulator;

import java.util.List;

/**
 * The payment channels are set up so that the server must not start: the simulator beside a real
 * channel (the simulator lets anyone pay an order without money, and could stand in for a channel
 * left half-configured), or neither. Reported by {@link ChannelSetupFailureAnalyzer}.
 */
public final class ChannelSetupException extends IllegalStateException {

    private final String description;
    private final String action;
    private final List<String> properties;

    private ChannelSetupException(String description, String action, List<String> properties) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
        this.properties = List.copyOf(properties);
    }

    /** The simulator is on and these real-channel properties are set. */
    public static ChannelSetupException simulatorBesideRealChannel(List<String> properties) {
        return new ChannelSetupException("""
                The built-in payment simulator is on (orderclock.sim.enabled is true, the default), and a real \
                payment channel is configured:
                    %s
                The simulator lets anyone pay an order without money, so it never runs beside a real channel.\
                """.formatted(String.join("\n    ", properties)), """
                To go live: set orderclock.sim.enabled=false and configure every property of each real channel.
                To run the simulated demo: remove the properties above.\
                """, properties);
    }

    /** The simulator is off and no real channel is configured. */
    public static ChannelSetupException noChannel() {
        return new ChannelSetupException("""
                No payment channel: the built-in simulator is off (orderclock.sim.enabled=false) and no real \
                channel is configured.""", """
                To go live: configure Alipay (%s) or WeChat Pay (%s), or both.
                To run the simulated demo: remove orderclock.sim.enabled=false.\
                """.formatted(String.join(", ", RealChannelProperties.ALIPAY), String.join(", ", RealChannelProperties.WECHAT)),
                List.of());
    }

    /** What is wrong, for "APPLICATION FAILED TO START". */
    public String description() {
        return description;
    }

    /** How to put it right. */
    public String action() {
        return action;
    }

    /** The real-channel properties found, in {@link RealChannelProperties#NAMES} order; none for {@link #noChannel()}. */
    public List<String> properties() {
        return properties;
    }
}
