package dev.orderclock.simulator;

import dev.orderclock.settings.InvalidSettingException;

import java.util.List;

/**
 * The payment channels are set up so that the server must not start: the simulator beside a real
 * channel (the simulator lets anyone pay an order without money, and could stand in for a channel
 * left half-configured), or neither. Reported as any {@link InvalidSettingException}: by the server's
 * failure analyzer, which every application that runs the simulator has.
 */
public final class ChannelSetupException extends InvalidSettingException {

    private ChannelSetupException(String description, String action, List<String> properties) {
        super(properties, description, action);
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
        return new ChannelSetupException(
                """
                No payment channel: the built-in simulator is off (orderclock.sim.enabled=false) and no real \
                channel is configured.""",
                """
                To go live: configure Alipay (%s) or WeChat Pay (%s), or both.
                To run the simulated demo: remove orderclock.sim.enabled=false.\
                """.formatted(
                                String.join(", ", RealChannelProperties.ALIPAY),
                                String.join(", ", RealChannelProperties.WECHAT)),
                List.of());
    }
}
