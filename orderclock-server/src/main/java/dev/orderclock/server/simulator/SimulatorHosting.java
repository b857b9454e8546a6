package dev.orderclock.server.simulator;

import dev.orderclock.simulator.SimulatorApplication;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The channel simulator inside the service, for the demo: its beans are present only while
 * {@code orderclock.sim.enabled} is true (each carries {@code @ConditionalOnSimulator}).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = SimulatorApplication.class)
@ConfigurationPropertiesScan(basePackageClasses = SimulatorApplication.class)
public class SimulatorHosting {}
