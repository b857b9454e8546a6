package dev.orderclock.simulator;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Imports what the standalone simulator needs from the application that ships it: a clock, the identity that
 * resolves {@link Operator}, and the handler that renders problem documents. The classes are named in
 * {@code META-INF/spring/dev.orderclock.simulator.ImportSimulatorHost.imports} of the host's jar, so this
 * module depends on no host: the dependency points from the server to the simulator only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration
public @interface ImportSimulatorHost {}
