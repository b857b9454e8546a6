package dev.orderclock.simulator.wechat;

import dev.orderclock.simulator.ConditionalOnSimulator;
import dev.orderclock.simulator.Notifier;
import dev.orderclock.simulator.SimProperties;
import dev.orderclock.simulator.SimRandom;
import dev.orderclock.simulator.TradeDesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.InstantSource;

/** The simulated WeChat Pay: its merchant account (keys from {@link SimulatedWechatKeys}), trades, API and notifications. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulator
public class WechatSimConfiguration {

    @Bean
    WechatSimAccount wechatSimAccount(WechatSimProperties settings) {
        return WechatSimAccount.of(settings);
    }

    @Bean
    WechatNotifications wechatSimNotifications(
            Notifier notifier, WechatSimAccount account, SimRandom random, InstantSource clock) {
        return new WechatNotifications(notifier, account, random, clock);
    }

    @Bean
    WechatApi wechatSimApi(
            SimProperties settings, TradeDesk desk, WechatSimAccount account, WechatNotifications notifications) {
        return new WechatApi(
                account, new WechatTrades(desk, account, notifications, settings.maxTrades()), desk.clock());
    }
}
