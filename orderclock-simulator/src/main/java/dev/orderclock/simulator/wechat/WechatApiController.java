package dev.orderclock.simulator.wechat;

import dev.orderclock.channels.wechat.WechatSignature;
import dev.orderclock.simulator.ConditionalOnSimulator;
import dev.orderclock.simulator.SimRandom;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;

/**
 * {@code /sim/wechat/v3/...}: WeChat Pay's API paths under the simulator's prefix. The body is read
 * raw (the signature is over what was sent); every answer, errors and 204 included, carries WeChat
 * Pay's signature headers over the exact bytes sent back.
 */
@RestController
@ConditionalOnSimulator
class WechatApiController {

    private final WechatApi api;
    private final WechatSimAccount account;
    private final SimRandom random;
    private final InstantSource clock;

    WechatApiController(WechatApi api, WechatSimAccount account, SimRandom random, InstantSource clock) {
        this.api = api;
        this.account = account;
        this.random = random;
        this.clock = clock;
    }

    @RequestMapping(
            path = SimulatedWechatKeys.PREFIX_PATH + "/v3/**",
            method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<byte[]> call(HttpServletRequest request) throws IOException {
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String path = request.getRequestURI()
                .substring(request.getContextPath().length() + SimulatedWechatKeys.PREFIX_PATH.length());
        String payUrlPrefix = ServletUriComponentsBuilder.fromContextPath(request)
                .path("/sim/trades/")
                .toUriString();
        SimAnswer answer = api.handle(
                request.getMethod(),
                path,
                request.getQueryString(),
                request.getHeader(HttpHeaders.AUTHORIZATION),
                body,
                payUrlPrefix);
        return signed(answer);
    }

    private ResponseEntity<byte[]> signed(SimAnswer answer) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = random.hex(32).toUpperCase();
        ResponseEntity.BodyBuilder reply = ResponseEntity.status(answer.status())
                .header("Request-ID", random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(12));
        WechatSignature.responseHeaders(account.publicKeyId(), timestamp, nonce, answer.body(), account.platformKey())
                .forEach((name, value) -> reply.header(name, value));
        if (answer.body().isEmpty()) {
            return reply.build();
        }
        return reply.contentType(MediaType.APPLICATION_JSON).body(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
