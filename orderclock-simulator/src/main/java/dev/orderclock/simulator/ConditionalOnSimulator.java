package dev.orderclock.simulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Present only while the simulator is on: {@code orderclock.sim.enabled}, true unless set otherwise. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(prefix = "orderclock.sim", name = "enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnSimulator {}
