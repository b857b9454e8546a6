package dev.orderclock.simulator.wechat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An answer of the simulated WeChat Pay before it is signed: the status and the JSON body (none for 204). */
record SimAnswer(int status, String body) {

    static SimAnswer ok(ObjectNode json) {
        return new SimAnswer(200, json.toString());
    }

    static SimAnswer noContent() {
        return new SimAnswer(204, "");
    }

    /** WeChat Pay's error body: {@code {"code":"ORDER_NOT_EXIST","message":"..."}}. */
    static SimAnswer error(int status, String code, String message) {
        ObjectNode json =
                JsonNodeFactory.instance.objectNode().put("code", code).put("message", message);
        return new SimAnswer(status, json.toString());
    }

    static SimAnswer systemError() {
        return error(500, "SYSTEM_ERROR", "系统错误");
    }

    static SimAnswer invalid(String message) {
        return error(400, "PARAM_ERROR", message);
    }
}
