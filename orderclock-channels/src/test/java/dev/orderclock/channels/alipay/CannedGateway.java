package dev.orderclock.channels.alipay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A gateway that answers what the test says, signed with "Alipay's" test key, and keeps what it was sent. */
final class CannedGateway implements GatewayTransport {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Posted> calls = new ArrayList<>();
    private Answer answer = posted -> node(posted.method(), "{\"code\":\"10000\",\"msg\":\"Success\"}");

    /** What came in: the parameters of query and body together, and biz_content read. */
    record Posted(URI uri, Map<String, String> params, JsonNode biz) {

        String method() {
            return params.get("method");
        }
    }

    @FunctionalInterface
    interface Answer {
        Reply to(Posted posted) throws IOException;
    }

    CannedGateway answering(Answer answer) {
        this.answer = answer;
        return this;
    }

    /** Answers every call with this node under the method's response root, signed. */
    CannedGateway answeringNode(String nodeJson) {
        return answering(posted -> node(posted.method(), nodeJson));
    }

    static Reply node(String method, String nodeJson) {
        return new Reply(200, GatewayResponseTest.signed(SignedNode.rootOf(method), nodeJson));
    }

    Posted last() {
        return calls.get(calls.size() - 1);
    }

    @Override
    public Reply post(URI uri, String formBody) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(FormCodec.decode(uri.getRawQuery()));
        params.putAll(FormCodec.decode(formBody));
        Posted posted = new Posted(uri, params, JSON.readTree(params.get("biz_content")));
        calls.add(posted);
        return answer.to(posted);
    }
}
