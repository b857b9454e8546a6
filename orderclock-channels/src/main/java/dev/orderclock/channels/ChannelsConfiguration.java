package dev.orderclock.channels;

import dev.orderclock.channels.alipay.AlipayChannelConfiguration;
import dev.orderclock.channels.wechat.WechatChannelConfiguration;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Every {@link dev.orderclock.payment.PaymentChannel} this module offers, each present only when its
 * {@code orderclock.channels.*} properties are set; an application imports this one class.
 */
@Configuration(proxyBeanMethods = false)
@Import({AlipayChannelConfiguration.class, WechatChannelConfiguration.class})
public class ChannelsConfiguration {}
