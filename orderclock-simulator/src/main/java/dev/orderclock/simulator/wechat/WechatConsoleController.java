package dev.orderclock.simulator.wechat;

import dev.orderclock.simulator.ConditionalOnSimulator;
import dev.orderclock.simulator.Operator;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /sim/wechat/console} (operator): what WeChat Pay's merchant platform gives a shop, for a
 * shop that runs apart from the simulator — the values of {@code orderclock.channels.wechat.*}. The
 * private key is the simulator's merchant key (null when the shop brought its own); it signs nothing real.
 */
@RestController
@ConditionalOnSimulator
class WechatConsoleController {

    private final WechatSimAccount account;

    WechatConsoleController(WechatSimAccount account) {
        this.account = account;
    }

    @GetMapping(SimulatedWechatKeys.PREFIX_PATH + "/console")
    Console console(Operator operator, HttpServletRequest request) {
        String baseUrl = ServletUriComponentsBuilder.fromContextPath(request)
                .path(SimulatedWechatKeys.PREFIX_PATH)
                .toUriString();
        return new Console(
                baseUrl,
                account.mchid(),
                account.appid(),
                account.merchantSerial(),
                account.merchantPrivateKey(),
                account.apiV3Key(),
                account.platformPublicKey(),
                account.publicKeyId());
    }

    /** Named as the properties under {@code orderclock.channels.wechat}. */
    record Console(
            String baseUrl,
            String mchid,
            String appid,
            String merchantSerial,
            String privateKey,
            String apiV3Key,
            String publicKey,
            String publicKeyId) {}
}
