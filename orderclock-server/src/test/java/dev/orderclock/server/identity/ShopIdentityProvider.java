package dev.orderclock.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A shop's identity provider for tests: an RSA key generated here, its public half written as the PEM
 * file the server is configured with, and JWTs signed as the provider would sign them.
 */
final class ShopIdentityProvider {

    /** Loopback, and nothing listens there: were the server ever to discover this issuer, it would fail. */
    static final String ISSUER = "http://127.0.0.1:9/shop-identity";

    private final RSAKey key;
    private final Path publicKeyFile;

    private ShopIdentityProvider(RSAKey key, Path publicKeyFile) {
        this.key = key;
        this.publicKeyFile = publicKeyFile;
    }

    static ShopIdentityProvider start() {
        try {
            RSAKey key = newKey();
            Path file = Files.createTempFile("shop-identity", ".pem");
            file.toFile().deleteOnExit();
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes())
                    .encodeToString(key.toRSAPublicKey().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            return new ShopIdentityProvider(key, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** A token for this user, valid for ten minutes from now. */
    String tokenFor(String userId) {
        return sign(key, ISSUER, userId, Instant.now().plusSeconds(600));
    }

    String expiredTokenFor(String userId) {
        // past the decoder's 60 s clock-skew allowance
        return sign(key, ISSUER, userId, Instant.now().minusSeconds(300));
    }

    String tokenFromAnotherIssuerFor(String userId) {
        return sign(
                key, "http://127.0.0.1:9/someone-else", userId, Instant.now().plusSeconds(600));
    }

    String tokenSignedWithAnotherKeyFor(String userId) {
        try {
            return sign(newKey(), ISSUER, userId, Instant.now().plusSeconds(600));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey() throws JOSEException {
        return new RSAKeyGenerator(2048).generate();
    }

    private static String sign(RSAKey key, String issuer, String subject, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
