package dev.orderclock.web.identity;

import dev.orderclock.settings.InvalidSettingException;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which direct peers may speak for a shopper with {@code X-User-Id}: loopback, and the configured
 * proxies' CIDRs. The address is the TCP peer ({@code getRemoteAddr()}), never a forwarded header,
 * which anyone can write.
 */
final class TrustedPeers {

    /** An IP literal, possibly with a prefix length: nothing here may ever cause a DNS lookup. */
    private static final Pattern IP_OR_CIDR = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    private static final List<IpAddressMatcher> LOOPBACK =
            List.of(new IpAddressMatcher("127.0.0.0/8"), new IpAddressMatcher("::1/128"));

    private final List<IpAddressMatcher> proxies;

    TrustedPeers(List<String> cidrs) {
        this.proxies = cidrs.stream().map(TrustedPeers::matcher).toList();
    }

    boolean trusts(String remoteAddr) {
        return isLoopback(remoteAddr) || matchesAny(proxies, remoteAddr);
    }

    static boolean isLoopback(String remoteAddr) {
        return matchesAny(LOOPBACK, remoteAddr);
    }

    /** Only an IP literal is matched: the matchers parse it, and nothing here may cause a DNS lookup. */
    private static boolean matchesAny(List<IpAddressMatcher> matchers, String remoteAddr) {
        return isIpAddress(remoteAddr) && matchers.stream().anyMatch(matcher -> matcher.matches(remoteAddr));
    }

    private static boolean isIpAddress(String remoteAddr) {
        return remoteAddr != null && IP_OR_CIDR.matcher(remoteAddr).matches() && !remoteAddr.contains("/");
    }

    private static IpAddressMatcher matcher(String cidr) {
        String trimmed = cidr == null ? "" : cidr.trim();
        if (!IP_OR_CIDR.matcher(trimmed).matches()) {
            throw notACidr(cidr, "", null);
        }
        try {
            return new IpAddressMatcher(trimmed);
        } catch (IllegalArgumentException e) {
            throw notACidr(cidr, " (" + e.getMessage() + ")", e);
        }
    }

    private static InvalidSettingException notACidr(String cidr, String why, Throwable cause) {
        return new InvalidSettingException(
                List.of("orderclock.identity.trusted-proxies"),
                "orderclock.identity.trusted-proxies: '" + cidr + "' is not an IP address or a CIDR such as 10.0.0.0/8"
                        + why + ". A host name is not accepted: trust must never depend on a DNS answer.",
                "Write each trusted proxy as an IP address (10.0.0.7) or a CIDR (10.0.0.0/8, fd00::/8), "
                        + "comma-separated, or remove orderclock.identity.trusted-proxies.",
                cause);
    }
}
