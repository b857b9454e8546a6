package dev.orderclock.channels.alipay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.PublicKey;

/**
 * A gateway answer whose signature verified: {@code code} ({@code 10000} is success), the business
 * {@code sub_code} when it failed, and the node's other fields.
 */
public record GatewayResponse(String code, String msg, String subCode, String subMsg, JsonNode node) {

    public static final String SUCCESS = "10000";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * Verifies and reads the answer to {@code method}. The signature must cover the exact text of the
     * response node; like the SDK, a second try replaces {@code \/} by {@code /}, since Alipay signs
     * some texts before escaping their slashes.
     *
     * @throws UnverifiedResponseException when the body is not JSON, not the answer to this method, or
     *                                     not signed by {@code alipayKey}
     */
    public static GatewayResponse verify(String method, String body, PublicKey alipayKey)
            throws UnverifiedResponseException {
        if (body == null || body.isBlank()) {
            throw new UnverifiedResponseException("empty answer");
        }
        String root = SignedNode.rootOf(method);
        String signed = SignedNode.extract(body, root);
        if (signed == null) {
            root = SignedNode.ERROR_ROOT;
            signed = SignedNode.extract(body, root);
        }
        if (signed == null) {
            throw new UnverifiedResponseException("no " + SignedNode.rootOf(method) + " in the answer");
        }
        JsonNode tree = parse(body);
        String sign = tree.path("sign").asText("");
        if (sign.isEmpty()) {
            throw new UnverifiedResponseException("unsigned answer");
        }
        if (!Rsa2.verify(signed, sign, alipayKey)
                && !(signed.contains("\\/") && Rsa2.verify(signed.replace("\\/", "/"), sign, alipayKey))) {
            throw new UnverifiedResponseException("the answer's signature does not verify with Alipay's public key");
        }
        JsonNode node = tree.path(root);
        if (!node.isObject()) {
            throw new UnverifiedResponseException(root + " is not an object");
        }
        return new GatewayResponse(
                text(node, "code"), text(node, "msg"), text(node, "sub_code"), text(node, "sub_msg"), node);
    }

    public boolean isSuccess() {
        return SUCCESS.equals(code);
    }

    /** A field of the node as text (numbers too), or null when absent or empty. */
    public String text(String field) {
        return text(node, field);
    }

    /** For logs and {@code Unknown} reasons: code, sub_code and sub_msg. */
    public String describe() {
        return code + (subCode == null ? "" : " " + subCode) + (subMsg == null ? "" : " (" + subMsg + ")");
    }

    private static JsonNode parse(String body) throws UnverifiedResponseException {
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new UnverifiedResponseException("the answer is not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new UnverifiedResponseException("the answer is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }
}
