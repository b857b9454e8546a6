package dev.orderclock.server.apidocs;

import dev.orderclock.web.identity.Caller;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP contract as OpenAPI 3, generated from the controllers: {@code /v3/api-docs} (JSON) and the
 * Swagger UI at {@code /swagger-ui.html}. Public and read-only, as the dashboard is: it describes the
 * routes and names no secret, and every route it lists still asks for its own identity.
 * {@code docs/API.md} is the contract in prose; {@code OpenApiContractIT} holds the two together.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static {
        // The caller comes from the security chain (CallerResolver), not from the request's parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI orderclockOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("orderclock")
                        .version("0.1.0")
                        .description("Closes unpaid orders when their payment deadline passes. The contract in prose"
                                + " is docs/API.md; every error is an RFC 9457 problem document"
                                + " (application/problem+json)."))
                .components(new Components()
                        .addSecuritySchemes(
                                Security.OPERATOR,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("The operator: the admin token (orderclock.admin-token,"
                                                + " or the one printed at start-up in the dashboard's address)."))
                        .addSecuritySchemes(
                                Security.SHOPPER_JWT,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A shopper, by a JWT of the shop's"
                                                + " identity provider (spring.security.oauth2.resourceserver.jwt.*); the user"
                                                + " id is its sub claim (orderclock.identity.user-claim)."))
                        .addSecuritySchemes(
                                Security.USER_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-User-Id")
                                        .description("A shopper, named by"
                                                + " the shop's gateway (1-64 characters of [A-Za-z0-9_-]); believed only from"
                                                + " loopback, from orderclock.identity.trusted-proxies, or with"
                                                + " X-Gateway-Secret."))
                        .addSchemas(Problems.SCHEMA, Problems.schema()));
    }

    @Bean
    OperationCustomizer callersAndTheirRefusals() {
        return Security::describe;
    }

    @Bean
    OpenApiCustomizer chainRulesSimulatorDashboardAndProblems() {
        return openApi -> {
            Security.describeChainRules(openApi);
            SimulatedTrades.describe(openApi);
            Dashboard.describe(openApi);
            Problems.describe(openApi); // last: it gives every error response so far its problem document
        };
    }
}
