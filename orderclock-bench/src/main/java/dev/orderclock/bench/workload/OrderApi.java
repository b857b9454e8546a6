package dev.orderclock.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The server's HTTP contract (docs/API.md, served as /v3/api-docs) as the bench uses it, over the JDK
 * client, HTTP/1.1 kept alive: one connection per client thread, as a shop's gateway would hold them.
 */
public final class OrderApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;
    private final String adminToken;
    private final ObjectMapper json = new ObjectMapper();

    public OrderApi(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** An answer: status and parsed body (null when the body was empty or not JSON). */
    public record Answer(int status, JsonNode body) {
        public boolean is(int expected) {
            return status == expected;
        }
    }

    public Answer createProduct(String sku, String price, long stock) throws IOException, InterruptedException {
        String body =
                json.writeValueAsString(Map.of("sku", sku, "name", "Bench " + sku, "price", price, "stock", stock));
        return send(operator("/api/products").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer product(String sku) throws IOException, InterruptedException {
        return send(operator("/api/products/" + sku).GET());
    }

    /** One line of {@code quantity} of {@code sku}, due {@code payTimeoutSeconds} after the server's now. */
    public Answer createOrder(String userId, String sku, int quantity, long payTimeoutSeconds)
            throws IOException, InterruptedException {
        String body = "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":" + quantity + "}],\"payTimeoutSeconds\":"
                + payTimeoutSeconds + "}";
        return send(shopper("/api/orders", userId).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A page of all orders (of one status, unless null), newest first (operator view). */
    public Answer listOrders(String status, int limit, String cursor) throws IOException, InterruptedException {
        StringBuilder path = new StringBuilder("/api/orders?limit=").append(limit);
        if (status != null) {
            path.append("&status=").append(status);
        }
        if (cursor != null) {
            path.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return send(operator(path.toString()).GET());
    }

    public Answer pay(String userId, String orderId) throws IOException, InterruptedException {
        return send(shopper("/api/orders/" + orderId + "/pay", userId).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The simulated buyer pays a trade the channel opened (docs/API.md, Payments). */
    public Answer buyerPays(String tradeNo) throws IOException, InterruptedException {
        return send(request("/sim/trades/" + tradeNo + "/pay").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer stats() throws IOException, InterruptedException {
        return send(operator("/api/stats").GET());
    }

    /** The Prometheus text, or null when the endpoint is not exposed on this port. */
    public String prometheus() throws IOException, InterruptedException {
        // Not request(): its Accept: application/json makes the endpoint answer 406.
        // The operator's token: the service port serves metrics to no one else.
        HttpRequest text = HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/plain")
                .header("Authorization", "Bearer " + adminToken)
                .GET()
                .build();
        HttpResponse<String> answer = http.send(text, HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? answer.body() : null;
    }

    private HttpRequest.Builder operator(String path) {
        return request(path).header("Authorization", "Bearer " + adminToken);
    }

    private HttpRequest.Builder shopper(String path, String userId) {
        return request(path).header("X-User-Id", userId);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = null;
        if (answer.body().length > 0) {
            try {
                body = json.readTree(answer.body());
            } catch (IOException notJson) {
                body = null;
            }
        }
        return new Answer(answer.statusCode(), body);
    }
}
