package dev.orderclock.web;

import dev.orderclock.web.config.ClockConfiguration;
import dev.orderclock.web.config.StrictJsonConfiguration;
import dev.orderclock.web.identity.IdentityConfiguration;
import dev.orderclock.web.problem.ProblemAdvice;
import dev.orderclock.web.problem.ProblemConfiguration;

import org.springframework.context.annotation.Import;

/**
 * The edge an application on orderclock-web imports, the service and the standalone simulator alike: the clock,
 * identity and its security chain, problem documents and strict JSON. Not a {@code @Configuration}: nothing of it
 * lies in an application's own component scan, so each imports it once, here (an imported class is also a bean: it has no state).
 */
@Import({
    ClockConfiguration.class,
    IdentityConfiguration.class,
    ProblemConfiguration.class,
    ProblemAdvice.class,
    StrictJsonConfiguration.class
})
public class WebEdge {}
