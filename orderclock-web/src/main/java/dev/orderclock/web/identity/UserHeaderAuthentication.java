package dev.orderclock.web.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.preauth.RequestHeaderAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * {@code X-User-Id} as Spring Security's pre-authenticated header: believed only from a trusted peer
 * (loopback, {@code orderclock.identity.trusted-proxies}) or with the gateway secret. A header that is
 * not believed is a 401 that says why, never silently ignored. Runs after the bearer token: a request
 * that already has an operator or a JWT shopper is not looked at here.
 */
final class UserHeaderAuthentication {

    public static final String USER_HEADER = "X-User-Id";

    /** What the request said about itself, taken as the pre-authenticated token's details. */
    record Peer(String remoteAddr, String presentedSecret) {}

    private final boolean enabled;
    private final TrustedPeers peers;
    private final SecretDigest gatewaySecret;
    private final String gatewaySecretHeader;

    UserHeaderAuthentication(ShopperIdentityProperties properties) {
        this.enabled = properties.userHeader().enabled();
        this.peers = new TrustedPeers(properties.trustedProxies());
        String secret = properties.gatewaySecret();
        this.gatewaySecret = secret == null || secret.isBlank()
                ? null
                : SecretDigest.configured(
                        "orderclock.identity.gateway-secret",
                        secret,
                        "whoever presents it may speak for any shopper with X-User-Id",
                        ", the same in the gateway, or leave it unset");
        this.gatewaySecretHeader = properties.gatewaySecretHeader();
    }

    /**
     * The filter for the chain, to run after its {@code ExceptionTranslationFilter}: a refused header is an
     * {@code AuthenticationException} that the chain's entry point answers. Not a bean, so that the
     * servlet container does not run it a second time.
     */
    RequestHeaderAuthenticationFilter filter() {
        RequestHeaderAuthenticationFilter filter = new RequestHeaderAuthenticationFilter();
        filter.setPrincipalRequestHeader(USER_HEADER);
        filter.setExceptionIfHeaderMissing(false);
        filter.setAuthenticationManager(manager());
        filter.setAuthenticationDetailsSource(
                request -> new Peer(request.getRemoteAddr(), request.getHeader(gatewaySecretHeader)));
        filter.setRequiresAuthenticationRequestMatcher(UserHeaderAuthentication::offersUserHeader);
        filter.setContinueFilterChainOnUnsuccessfulAuthentication(false);
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        return filter;
    }

    /** Only a first dispatch that names a user and has no identity yet (the bearer token wins). */
    private static boolean offersUserHeader(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return request.getDispatcherType() == DispatcherType.REQUEST
                && request.getHeader(USER_HEADER) != null
                && !(current instanceof CallerAuthentication);
    }

    private AuthenticationManager manager() {
        return new ProviderManager(new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                PreAuthenticatedAuthenticationToken token = (PreAuthenticatedAuthenticationToken) authentication;
                return new CallerAuthentication(
                        new Caller.Shopper(believe(String.valueOf(token.getPrincipal()), (Peer) token.getDetails())));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return PreAuthenticatedAuthenticationToken.class.isAssignableFrom(authentication);
            }
        });
    }

    /** The user id, when this peer may name one; otherwise the reason it may not. */
    String believe(String userId, Peer peer) {
        if (!enabled) {
            throw new BadCredentialsException("X-User-Id is turned off here (orderclock.identity.user-header.enabled"
                    + "=false): identify with a bearer token");
        }
        String presented = peer.presentedSecret();
        boolean secretMatches = gatewaySecret != null && gatewaySecret.matches(presented);
        if (presented != null && !secretMatches) {
            throw new BadCredentialsException("the " + gatewaySecretHeader + " header is not the gateway secret");
        }
        if (!secretMatches && !peers.trusts(peer.remoteAddr())) {
            throw new BadCredentialsException("X-User-Id is believed only from loopback, a trusted proxy "
                    + "(orderclock.identity.trusted-proxies) or with the gateway secret; " + peer.remoteAddr()
                    + " is none of these: identify with a bearer token");
        }
        if (!Caller.Shopper.isUserId(userId)) {
            throw new BadCredentialsException("X-User-Id must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return userId;
    }
}
