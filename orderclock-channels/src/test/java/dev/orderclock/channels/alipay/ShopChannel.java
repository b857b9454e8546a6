package dev.orderclock.channels.alipay;

import dev.orderclock.channels.keys.RsaKeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;

/** An Alipay adapter configured the way a shop configures it, from what Alipay's (simulated) console gives. */
public final class ShopChannel {

    private ShopChannel() {}

    /** @param console {@code gatewayUrl, appId, privateKey, alipayPublicKey}, as {@code GET /sim/alipay/console} answers */
    public static AlipayChannel configuredFrom(JsonNode console, String notifyUrl) {
        AlipayAccount account = new AlipayAccount(
                console.path("appId").asText(),
                RsaKeys.privateKey(console.path("privateKey").asText()),
                RsaKeys.publicKey(console.path("alipayPublicKey").asText()));
        URI gateway = URI.create(console.path("gatewayUrl").asText());
        return new AlipayChannel(
                account,
                () -> gateway,
                () -> notifyUrl,
                new HttpGatewayTransport(Duration.ofSeconds(2), Duration.ofSeconds(5)),
                InstantSource.system(),
                new SimpleMeterRegistry());
    }
}
