package dev.orderclock.simulator;

import dev.orderclock.server.testing.Api;
import dev.orderclock.server.testing.Reply;

import com.fasterxml.jackson.databind.JsonNode;

import static dev.orderclock.server.testing.ReplyAssert.assertThat;

/** The simulator's HTTP endpoints as a test drives them: the buyer's and the operator's. */
public final class SimApi {

    /** Every switch at its default: what each test leaves behind. */
    public static final String NO_FAULTS = """
            {"notify-drop-rate":0,"notify-duplicate-rate":0,"notify-delay-ms":0,"query-fail-rate":0,
             "refund-fail-rate":0,"accept-after-close":false,"unscanned-not-exist":false,"retry-scale":1.0}""";

    private final Api api;

    public SimApi(Api api) {
        this.api = api;
    }

    public Reply pay(String tradeNo) {
        return api.post("/sim/trades/" + tradeNo + "/pay").send();
    }

    public Reply scan(String tradeNo) {
        return api.post("/sim/trades/" + tradeNo + "/scan").send();
    }

    public JsonNode trade(String tradeNo) {
        Reply reply = api.get("/sim/trades/" + tradeNo).send();
        assertThat(reply).hasStatus(200);
        return reply.json();
    }

    /** Sets the named switches (a JSON object, e.g. {@code {"query-fail-rate":1}}). */
    public void faults(String json) {
        assertThat(api.method("PUT", "/sim/faults").asOperator().json(json).send())
                .hasStatus(200);
    }

    public void noFaults() {
        faults(NO_FAULTS);
    }

    /** What Alipay's console gives a shop: {@code gatewayUrl, appId, privateKey, alipayPublicKey}. */
    public JsonNode alipayConsole() {
        Reply reply = api.get("/sim/alipay/console").asOperator().send();
        assertThat(reply).hasStatus(200);
        return reply.json();
    }

    /**
     * What WeChat Pay's merchant platform gives a shop: {@code baseUrl, mchid, appid, merchantSerial,
     * privateKey, apiV3Key, publicKey, publicKeyId}.
     */
    public JsonNode wechatConsole() {
        Reply reply = api.get("/sim/wechat/console").asOperator().send();
        assertThat(reply).hasStatus(200);
        return reply.json();
    }
}
