package dev.orderclock.web.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The operator's token (configured, at least 32 characters, or generated), the security chain and the
 * {@link Caller} resolver. A generated token is logged once by the application that runs this
 * ({@link IssuedAdminToken}): the service prints it in its dashboard address, the standalone simulator
 * on a line of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, ShopperIdentityProperties.class})
@Import(SecurityConfiguration.class)
public class IdentityConfiguration implements WebMvcConfigurer {

    private final IssuedAdminToken issued;
    private final AdminToken adminToken;

    IdentityConfiguration(IdentityProperties properties) {
        String configured = properties.adminToken();
        boolean isConfigured = configured != null && !configured.isBlank();
        // docs/API.md: an unset token is generated, so a local run needs no setup.
        String token = isConfigured ? configured : AdminToken.generate();
        this.issued = new IssuedAdminToken(isConfigured ? null : token);
        this.adminToken = isConfigured ? AdminToken.configured(configured) : new AdminToken(token);
    }

    @Bean
    AdminToken adminToken() {
        return adminToken;
    }

    @Bean
    IssuedAdminToken issuedAdminToken() {
        return issued;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }
}
