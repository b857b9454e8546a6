package dev.orderclock.web.identity;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * An authenticated {@link Caller} in Spring Security's terms: the operator holds {@code ROLE_OPERATOR}
 * (which also shows health details), a shopper {@code ROLE_SHOPPER}. No credentials are kept.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    public static final String OPERATOR = "OPERATOR";
    public static final String SHOPPER = "SHOPPER";

    private final Caller caller;

    public CallerAuthentication(Caller caller) {
        super(AuthorityUtils.createAuthorityList("ROLE_" + (caller instanceof Caller.Operator ? OPERATOR : SHOPPER)));
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return caller instanceof Caller.Shopper shopper ? shopper.userId() : "operator";
    }
}
