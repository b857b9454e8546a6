package dev.orderclock.simulator.alipay;

import dev.orderclock.simulator.ConditionalOnSimulator;
import dev.orderclock.simulator.Operator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /sim/alipay/console} (operator): what Alipay's console gives a shop, for a shop that runs
 * apart from the simulator — the values of {@code orderclock.channels.alipay.*}. The private key is
 * the simulator's merchant key (null when the shop brought its own); it signs nothing real.
 */
@RestController
@ConditionalOnSimulator
class AlipayConsoleController {

    private final AlipaySimAccount account;

    AlipayConsoleController(AlipaySimAccount account) {
        this.account = account;
    }

    @GetMapping("/sim/alipay/console")
    Console console(Operator operator, HttpServletRequest request) {
        String gateway = ServletUriComponentsBuilder.fromContextPath(request)
                .path(SimulatedAlipayKeys.GATEWAY_PATH)
                .toUriString();
        return new Console(gateway, account.appId(), account.merchantPrivateKey(), account.platformPublicKey());
    }

    /** Named as the properties under {@code orderclock.channels.alipay}. */
    record Console(String gatewayUrl, String appId, String privateKey, String alipayPublicKey) {}
}
