package dev.orderclock.server.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;

/**
 * The channel simulator's shared parts: its randomness, fault switches, trade ledger and notifier.
 * It talks to the service only over HTTP, in each channel's own format, as the real channel would.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
public class SimConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimConfiguration.class);

    @Bean
    SimRandom simRandom(SimProperties settings) {
        long seed = settings.seed() != null ? settings.seed() : new SecureRandom().nextLong();
        // The seed makes a run's faults and numbers repeatable: orderclock.sim.seed.
        log.info("Channel simulator on (/sim/...), seed {}, faults {}", seed, settings.faults());
        return new SimRandom(seed);
    }

    @Bean
    Faults simFaults(SimProperties settings, SimRandom random) {
        return new Faults(settings.faults(), random);
    }

    @Bean
    TradeLedger simTradeLedger() {
        return new TradeLedger();
    }

    @Bean(destroyMethod = "close")
    Notifier simNotifier(Faults faults, SimRandom random) {
        return new Notifier(faults, random);
    }
}
