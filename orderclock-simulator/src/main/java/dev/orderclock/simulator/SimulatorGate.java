package dev.orderclock.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops start-up when the simulator is on and any real channel property is set, or when neither the
 * simulator nor a real channel is. It runs once the operator's configuration is in place and before
 * the simulator configures the shop for itself (SimulatedAlipayKeys, SimulatedWechatKeys), so the
 * simulator can never stand in for one channel while the other is real.
 */
public class SimulatorGate implements EnvironmentPostProcessor, Ordered {

    /** Before the simulator's key makers, which run last. */
    public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        RealChannelProperties.requireEitherSimulatorOrRealChannels(environment);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
