package dev.orderclock.web.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * The first judge of a bearer token: the operator's token makes the operator. Any other token goes to
 * the shop's JWT decoder when one is configured (this provider abstains), else it is refused here: a
 * wrong bearer is 401 and never falls back to {@code X-User-Id}.
 */
final class BearerAuthentication implements AuthenticationProvider {

    private final AdminToken adminToken;
    private final boolean jwtConfigured;

    BearerAuthentication(AdminToken adminToken, boolean jwtConfigured) {
        this.adminToken = adminToken;
        this.jwtConfigured = jwtConfigured;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (adminToken.matches(token)) {
            return new CallerAuthentication(new Caller.Operator());
        }
        if (jwtConfigured) {
            return null;
        }
        throw new InvalidBearerTokenException("the bearer token is not the operator's");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
