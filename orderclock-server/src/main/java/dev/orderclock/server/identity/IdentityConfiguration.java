package dev.orderclock.server.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The operator's token (configured, or generated and logged once) and the {@link Caller} resolver. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    private final CallerResolver callers;

    IdentityConfiguration(IdentityProperties properties) {
        this.callers = new CallerResolver(adminToken(properties));
    }

    @Bean
    CallerResolver callerResolver() {
        return callers;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(callers);
    }

    private static AdminToken adminToken(IdentityProperties properties) {
        String configured = properties.adminToken();
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured);
        }
        String generated = AdminToken.generate();
        // API.md: an unset token is generated and logged once, so a local run needs no setup.
        log.info("orderclock.admin-token is not set; operators use this generated token until restart: {}", generated);
        return new AdminToken(generated);
    }
}
