package dev.orderclock.simulator.alipay;

import dev.orderclock.simulator.ConditionalOnSimulator;
import dev.orderclock.simulator.Notifier;
import dev.orderclock.simulator.SimRandom;
import dev.orderclock.simulator.TradeDesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;

/** The simulated Alipay: its account (keys from {@link SimulatedAlipayKeys}), trades, gateway and notifications. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
public class AlipaySimConfiguration {

    @Bean
    AlipaySimAccount alipaySimAccount(AlipaySimProperties settings, SimRandom random) {
        // Handed to the shop by SimulatedAlipayKeys; generated here only when that did not run.
        String sellerId = settings.sellerId();
        return AlipaySimAccount.of(
                settings, sellerId != null && !sellerId.isBlank() ? sellerId : "2088" + random.digits(12));
    }

    @Bean
    AlipayNotifications alipaySimNotifications(
            Notifier notifier, AlipaySimAccount account, SimRandom random, InstantSource clock) {
        return new AlipayNotifications(notifier, account, random, clock);
    }

    @Bean
    AlipayGateway alipaySimGateway(TradeDesk desk, AlipaySimAccount account, AlipayNotifications notifications) {
        return new AlipayGateway(account, new AlipayTrades(desk, account, notifications));
    }
}
