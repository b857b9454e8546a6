package dev.orderclock.simulator;

import dev.orderclock.channels.alipay.AlipayChannelConfiguration;
import dev.orderclock.channels.wechat.WechatChannelConfiguration;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The properties that connect the shop to a real payment channel, and which of them the operator set.
 * The simulator's own property sources (named {@link #SIMULATED_SOURCE_PREFIX}...) never count, so the
 * answer is the same before and after the simulator has configured the shop for itself.
 */
public final class RealChannelProperties {

    /** The simulator names the property sources it adds to the shop's configuration with this prefix. */
    public static final String SIMULATED_SOURCE_PREFIX = "orderclock-simulated-";

    public static final List<String> ALIPAY = AlipayChannelConfiguration.PROPERTIES;
    public static final List<String> WECHAT = WechatChannelConfiguration.PROPERTIES;
    /** What Alipay's console and WeChat Pay's merchant platform give a shop; any one of them means "real". */
    public static final List<String> NAMES =
            Stream.concat(ALIPAY.stream(), WECHAT.stream()).toList();

    private RealChannelProperties() {}

    /**
     * The real-channel properties set anywhere but in the simulator's own sources, in {@link #NAMES}
     * order. Relaxed names count too ({@code ORDERCLOCK_CHANNELS_ALIPAY_APP_ID}, {@code appId}), and so
     * does an empty value: it would hide the simulator's own, and the channel would then fail on it.
     */
    public static List<String> setIn(ConfigurableEnvironment environment) {
        List<PropertySource<?>> operators = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            // The attached source is a view over all the others, the simulator's included.
            if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
                    && !source.getName().startsWith(SIMULATED_SOURCE_PREFIX)) {
                operators.add(source);
            }
        }
        Set<String> found = new LinkedHashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.from(operators)) {
            for (String name : NAMES) {
                ConfigurationProperty property = source.getConfigurationProperty(ConfigurationPropertyName.of(name));
                if (property != null && property.getValue() != null) {
                    found.add(name);
                }
            }
        }
        return NAMES.stream().filter(found::contains).toList();
    }

    /** Whether the simulator is on: {@code orderclock.sim.enabled}, true unless set otherwise. */
    public static boolean simulatorOn(ConfigurableEnvironment environment) {
        return environment.getProperty("orderclock.sim.enabled", Boolean.class, true);
    }

    /** Refuses to go on unless exactly one of the two runs: the simulator, or real channels. */
    public static void requireEitherSimulatorOrRealChannels(ConfigurableEnvironment environment) {
        List<String> real = setIn(environment);
        if (simulatorOn(environment) && !real.isEmpty()) {
            throw ChannelSetupException.simulatorBesideRealChannel(real);
        }
        if (!simulatorOn(environment) && real.isEmpty()) {
            throw ChannelSetupException.noChannel();
        }
    }
}
