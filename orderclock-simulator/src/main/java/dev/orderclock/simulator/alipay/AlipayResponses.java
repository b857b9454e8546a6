package dev.orderclock.simulator.alipay;

import dev.orderclock.channels.alipay.Rsa2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gateway answers as Alipay writes them: {@code {"<method>_response":{...},"sign":"..."}}, the
 * signature over the exact JSON text of the response node, and the public codes ({@code 10000}
 * success, {@code 40004} business failure with an {@code ACQ.*} sub-code, {@code 4000x} bad call).
 */
final class AlipayResponses {

    static final String SUCCESS = "10000";
    static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlipayResponses() {}

    static Map<String, Object> success() {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("code", SUCCESS);
        node.put("msg", "Success");
        return node;
    }

    static Map<String, Object> businessFailed(String subCode, String subMsg) {
        return failure("40004", "Business Failed", subCode, subMsg);
    }

    static Map<String, Object> systemError() {
        return businessFailed(SYSTEM_ERROR, "系统错误");
    }

    static Map<String, Object> missingArgument(String subCode, String subMsg) {
        return failure("40001", "Missing Required Arguments", subCode, subMsg);
    }

    static Map<String, Object> invalidArgument(String subCode, String subMsg) {
        return failure("40002", "Invalid Arguments", subCode, subMsg);
    }

    static Map<String, Object> invalidParameter(String subMsg) {
        return businessFailed("ACQ.INVALID_PARAMETER", subMsg);
    }

    /** The answer's text: the node is written once, and that very text is what gets signed. */
    static String signed(String root, Map<String, Object> node, PrivateKey platformKey) {
        try {
            String nodeJson = JSON.writeValueAsString(node);
            String sign = Rsa2.sign(nodeJson, platformKey);
            return "{\"" + root + "\":" + nodeJson + ",\"sign\":" + JSON.writeValueAsString(sign) + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer node is always JSON-writable", e);
        }
    }

    private static Map<String, Object> failure(String code, String msg, String subCode, String subMsg) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("code", code);
        node.put("msg", msg);
        node.put("sub_code", subCode);
        node.put("sub_msg", subMsg);
        return node;
    }
}
