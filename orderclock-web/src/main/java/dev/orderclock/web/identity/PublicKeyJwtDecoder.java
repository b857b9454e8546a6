package dev.orderclock.web.identity;

import dev.orderclock.settings.InvalidSettingException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The shop's JWT decoder for {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. Spring
 * Boot 3.5, given {@code issuer-uri} as well, ignores the key and discovers the issuer over the network;
 * here the key is used and {@code issuer-uri} is only the value the {@code iss} claim must have, so a
 * token is checked without any request leaving the machine. {@code audiences} are checked as Boot does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
class PublicKeyJwtDecoder {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    @Bean
    JwtDecoder shopJwtDecoder(OAuth2ResourceServerProperties properties) throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        List<String> algorithms = jwt.getJwsAlgorithms();
        if (algorithms.size() != 1 || !algorithms.get(0).startsWith("RS")) {
            throw InvalidSettingException.of(
                    JWT + "jws-algorithms",
                    JWT + "jws-algorithms must be one of RS256, " + "RS384, RS512 with a public-key-location, not "
                            + algorithms + ": the key is an RSA public key.",
                    "Set " + JWT + "jws-algorithms to the one RS algorithm the identity provider signs with "
                            + "(RS256 when unset).");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(rsaKey(jwt))
                .signatureAlgorithm(SignatureAlgorithm.from(algorithms.get(0)))
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        String issuer = jwt.getIssuerUri();
        validators.add(
                issuer == null || issuer.isBlank()
                        ? JwtValidators.createDefault()
                        : JwtValidators.createDefaultWithIssuer(issuer));
        List<String> audiences = jwt.getAudiences();
        if (!audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<Collection<String>>(
                    JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    /** The key as Spring Boot reads it, with a refusal that names the property. */
    private static RSAPublicKey rsaKey(OAuth2ResourceServerProperties.Jwt jwt) throws IOException {
        try (InputStream pem = jwt.getPublicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IllegalArgumentException e) {
            throw InvalidSettingException.of(
                    JWT + "public-key-location",
                    JWT + "public-key-location does not hold "
                            + "an RSA public key in PEM (-----BEGIN PUBLIC KEY-----): " + e.getMessage() + ".",
                    "Point " + JWT + "public-key-location at the identity provider's RSA public key in PEM, "
                            + "e.g. file:/etc/orderclock/idp-public.pem.");
        }
    }
}
