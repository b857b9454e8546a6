package dev.orderclock.server.dashboard;

import dev.orderclock.web.identity.IssuedAdminToken;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardAddressTest {

    @Test
    void theAddressIsLocalhostOnTheServersPortByDefault() {
        DashboardAddress address = new DashboardAddress(new IssuedAdminToken(null), new MockEnvironment());

        assertThat(address.url(8080)).isEqualTo("http://localhost:8080/");
    }

    @Test
    void theAddressFollowsTheBoundAddressTlsAndContextPath() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("server.address", "10.0.0.5")
                .withProperty("server.ssl.enabled", "true")
                .withProperty("server.servlet.context-path", "/shop");

        assertThat(new DashboardAddress(new IssuedAdminToken(null), environment).url(8443))
                .isEqualTo("https://10.0.0.5:8443/shop/");
    }

    @Test
    void anIpv6AddressIsBracketed() {
        MockEnvironment environment = new MockEnvironment().withProperty("server.address", "::1");

        assertThat(new DashboardAddress(new IssuedAdminToken(null), environment).url(8080))
                .isEqualTo("http://[::1]:8080/");
    }
}
