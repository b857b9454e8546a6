package dev.orderclock.boot.actuate;

import dev.orderclock.boot.OrderClockAutoConfiguration;
import dev.orderclock.deadline.DeadlineEngine;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters of the engine, when Micrometer and a registry are there. Ordered by name after
 * the registry's auto-configurations of Boot 3 and Boot 4; the engine picks the listener up when it
 * is built.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        },
        before = OrderClockAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnProperty(name = "orderclock.enabled", havingValue = "true", matchIfMissing = true)
public class OrderClockMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StarterMeters orderclockMeters(MeterRegistry registry, ObjectProvider<DeadlineEngine> engine) {
        return new StarterMeters(registry, engine::getObject);
    }
}
