package dev.orderclock.simulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.security.SecureRandom;
import java.time.InstantSource;

/**
 * The channel simulator's shared parts: its randomness, fault switches, trade ledger (with the desk the
 * channels' trade calls work at) and notifier.
 * It talks to the service only over HTTP, in each channel's own format, as the real channel would.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
public class SimConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimConfiguration.class);

    @Bean
    SimRandom simRandom(SimProperties settings, ConfigurableEnvironment environment) {
        // SimulatorGate has checked this before the context; this catches properties added since (tests).
        RealChannelProperties.requireEitherSimulatorOrRealChannels(environment);
        log.warn("payments are simulated: orders can be paid without money (orderclock.sim.enabled=true); "
                + "never run a live shop like this");
        if (environment.acceptsProfiles(Profiles.of("cluster"))) {
            // A channel is one system: a trade opened through this node would be unknown to the others.
            log.warn("cluster mode with this node's own simulator: each node is a channel of its own; run one "
                    + "simulator for the shop (SimulatorApplication with orderclock.sim.shop-config-file) and start "
                    + "the nodes with --spring.config.import=file:<that file>");
        }
        // The seed makes a run's faults and numbers repeatable (orderclock.sim.seed); it is not logged,
        // since it would let anyone predict the simulator's trade and notification numbers.
        log.info(
                "Channel simulator on (/sim/...), seed: {}, faults {}, at most {} trades and {} waiting notifications",
                settings.seed() != null ? "configured" : "random",
                settings.faults(),
                settings.maxTrades(),
                settings.maxPendingNotifications());
        long seed = settings.seed() != null ? settings.seed() : new SecureRandom().nextLong();
        return new SimRandom(seed);
    }

    @Bean
    Faults simFaults(SimProperties settings, SimRandom random) {
        return new Faults(settings.faults(), random);
    }

    @Bean
    TradeLedger simTradeLedger(SimProperties settings) {
        return new TradeLedger(settings.maxTrades());
    }

    @Bean
    TradeDesk simTradeDesk(TradeLedger ledger, Faults faults, SimRandom random, InstantSource clock) {
        return new TradeDesk(ledger, faults, random, clock);
    }

    @Bean(destroyMethod = "close")
    Notifier simNotifier(SimProperties settings, Faults faults, SimRandom random) {
        return new Notifier(faults, random, settings.maxPendingNotifications());
    }
}
