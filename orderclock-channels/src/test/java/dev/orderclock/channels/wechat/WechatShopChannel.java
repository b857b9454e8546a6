package dev.orderclock.channels.wechat;

import dev.orderclock.channels.keys.RsaKeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.InstantSource;

/** A WeChat Pay adapter configured the way a shop configures it, from what the (simulated) merchant platform gives. */
public final class WechatShopChannel {

    private WechatShopChannel() {}

    /** @param console as {@code GET /sim/wechat/console} answers */
    public static WechatPayChannel configuredFrom(JsonNode console, String notifyUrl) {
        WechatAccount account = new WechatAccount(
                console.path("mchid").asText(),
                console.path("appid").asText(),
                console.path("merchantSerial").asText(),
                RsaKeys.privateKey(console.path("privateKey").asText()),
                new ApiV3Cipher(console.path("apiV3Key").asText()),
                RsaKeys.publicKey(console.path("publicKey").asText()),
                console.path("publicKeyId").asText());
        String baseUrl = console.path("baseUrl").asText();
        return new WechatPayChannel(
                account,
                () -> baseUrl,
                () -> notifyUrl,
                new HttpWechatTransport(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                InstantSource.system(),
                new SimpleMeterRegistry());
    }
}
