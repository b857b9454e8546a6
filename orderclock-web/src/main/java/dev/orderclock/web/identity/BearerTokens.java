package dev.orderclock.web.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of {@code Authorization: Bearer <token>} (scheme in any case). Unlike Spring's
 * default resolver it accepts any characters a configured operator token may hold, and it refuses any
 * other {@code Authorization} scheme instead of passing the request on as anonymous: an identity that
 * was offered and cannot be checked is 401, never a fall-back to {@code X-User-Id}. Under {@code /sim/}
 * another scheme is the simulated channel's own signature, left to it.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String BEARER = "Bearer ";
    private static final String SIMULATOR = "/sim/";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return null;
        }
        boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        if (!bearer && request.getRequestURI().startsWith(SIMULATOR)) {
            // the simulated channels' own schemes (WeChat Pay's WECHATPAY2-SHA256-RSA2048): theirs to check
            return null;
        }
        String token = bearer ? authorization.substring(BEARER.length()).trim() : "";
        if (token.isEmpty()) {
            throw new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("the Authorization header must be 'Bearer <token>'"));
        }
        return token;
    }
}
