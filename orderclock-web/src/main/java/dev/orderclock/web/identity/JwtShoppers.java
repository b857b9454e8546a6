package dev.orderclock.web.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A JWT the decoder accepted (signature, expiry, issuer) names a shopper by one claim, {@code sub} unless
 * {@code orderclock.identity.user-claim} says otherwise; the value must be a user id as X-User-Id's.
 */
final class JwtShoppers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String userClaim;

    JwtShoppers(String userClaim) {
        this.userClaim = userClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String userId = jwt.getClaimAsString(userClaim);
        if (!Caller.Shopper.isUserId(userId)) {
            throw new InvalidBearerTokenException(
                    "the token's " + userClaim + " claim must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return new CallerAuthentication(new Caller.Shopper(userId));
    }
}
