package dev.orderclock.web.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One stateless chain: who is calling (the operator's bearer token, else a shop's JWT, else a trusted
 * {@code X-User-Id}), and the rules that hold whatever the controller: {@code /sim/**} answers only
 * loopback or the operator, {@code /actuator/prometheus} only the operator (unless it lives on a
 * separate management port). What an identified caller may do is its controller parameter's type
 * ({@link CallerResolver}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import(PublicKeyJwtDecoder.class)
class SecurityConfiguration {

    static final String SIM_ONLY = "the payment simulator answers only callers on this machine or the operator";
    static final String OPERATOR_ONLY = "only the operator may read this";

    private static final RequestMatcher SIM =
            PathPatternRequestMatcher.withDefaults().matcher("/sim/**");

    @Bean
    SecurityFilterChain orderclockSecurity(
            HttpSecurity http,
            AdminToken adminToken,
            ShopperIdentityProperties shoppers,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problemAnswers,
            Environment environment)
            throws Exception {
        ProblemResponses problems = new ProblemResponses(problemAnswers);
        AuthenticationEntryPoint unauthenticated = problems.unauthenticated();
        AuthenticationManager bearer = bearerAuthentication(adminToken, jwtDecoder.getIfUnique(), shoppers.userClaim());
        // Anonymous at /sim/** is not "who are you?" but "not from there": 403, as for a shopper.
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byRoute = new LinkedHashMap<>();
        byRoute.put(SIM, problems.forbidden(SIM_ONLY));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byRoute);
        entryPoint.setDefaultEntryPoint(unauthenticated);

        http.csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for a forged form to ride on
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(resource -> resource.bearerTokenResolver(new BearerTokens())
                        .authenticationManagerResolver(request -> bearer)
                        .authenticationEntryPoint(unauthenticated))
                // after the bearer token (which wins) and inside the exception translation (which answers a refusal)
                .addFilterAfter(new UserHeaderAuthentication(shoppers).filter(), ExceptionTranslationFilter.class)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(
                                problems.accessDenied(request -> SIM.matches(request) ? SIM_ONLY : OPERATOR_ONLY)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(SIM)
                        .access(AuthorizationManagers.anyOf(fromThisMachine(), operator()))
                        .requestMatchers(EndpointRequest.to("prometheus"))
                        .access(
                                ManagementPortType.get(environment) == ManagementPortType.DIFFERENT
                                        // the operator keeps that port private; ManagementPortIT
                                        ? (authentication, context) -> new AuthorizationDecision(true)
                                        : operator())
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /** The operator's token first; any other bearer is the shop's JWT when a decoder is configured. */
    private static AuthenticationManager bearerAuthentication(
            AdminToken adminToken, JwtDecoder jwtDecoder, String userClaim) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new BearerAuthentication(adminToken, jwtDecoder != null));
        if (jwtDecoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(jwtDecoder);
            jwt.setJwtAuthenticationConverter(new JwtShoppers(userClaim));
            providers.add(jwt);
        }
        return new ProviderManager(providers);
    }

    private static AuthorizationManager<RequestAuthorizationContext> operator() {
        return AuthorityAuthorizationManager.hasRole(CallerAuthentication.OPERATOR);
    }

    /** The direct peer is loopback: the service calling its own simulator, or someone at the machine. */
    private static AuthorizationManager<RequestAuthorizationContext> fromThisMachine() {
        return (authentication, context) -> new AuthorizationDecision(
                TrustedPeers.isLoopback(context.getRequest().getRemoteAddr()));
    }
}
