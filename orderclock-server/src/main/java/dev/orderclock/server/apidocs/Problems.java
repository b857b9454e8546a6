package dev.orderclock.server.apidocs;

import dev.orderclock.server.limits.LimitsConfiguration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * Every error is an RFC 9457 problem document ({@code ProblemAdvice}): one {@code Problem} schema, and
 * the refusals routes share — 400 for a malformed query or oversized headers, 413 for a body over
 * 64 KiB, 429 with {@code Retry-After} on the rate-limited routes — added here rather than on each
 * controller method. An error response a controller declares is a problem document too, but on the
 * channels' notification routes: WeChat Pay's refusals are its own {@code {"code":"FAIL","message":...}}.
 */
final class Problems {

    static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String CHANNEL_NOTIFICATIONS = "/api/payments/";
    private static final String WECHAT_NOTIFY = "/api/payments/wechat/notify";

    private Problems() {}

    static Schema<?> schema() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem document. Over a limit, `limit` names it and `max` gives its value;"
                        + " other members name what the request was about (orderId, sku, channel, orderStatus...).")
                .addProperty(
                        "type",
                        new StringSchema().format("uri").example("https://orderclock.dev/problems/wrong-order-status"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        problem.setAdditionalProperties(true);
        return problem;
    }

    /** Adds a problem response unless the operation already declares that status. */
    static void add(Operation operation, int status, String description) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        responses.computeIfAbsent(
                String.valueOf(status),
                code -> new ApiResponse().description(description).content(content()));
    }

    /**
     * Every error a controller declares answers a problem document (springdoc would show the method's return
     * type), or on the channels' notification routes the channel's own format. Then the shared refusals.
     */
    static void describe(OpenAPI openApi) {
        openApi.getPaths()
                .forEach((path, item) -> item.readOperations().forEach(operation -> {
                    Content errors = path.equals(WECHAT_NOTIFY)
                            ? wechatFailure()
                            : path.startsWith(CHANNEL_NOTIFICATIONS) ? null : content();
                    if (errors != null) {
                        operation.getResponses().forEach((status, response) -> {
                            if (status.startsWith("4") || status.startsWith("5")) {
                                response.setContent(errors);
                            }
                        });
                    }
                    add(
                            operation,
                            400,
                            "a malformed %-escape in the path or query, request headers over 16 KB, or an invalid"
                                    + " parameter or body; nothing changed");
                    if (operation.getRequestBody() != null) {
                        add(operation, 413, "a body over 64 KiB; nothing changed");
                    }
                }));
        for (String path : LimitsConfiguration.RATE_LIMITED_POSTS) {
            PathItem item = openApi.getPaths().get(path);
            if (item != null && item.getPost() != null) {
                add(item.getPost(), 429, "rate-limited");
                item.getPost()
                        .getResponses()
                        .get("429")
                        .addHeaderObject(
                                HttpHeaders.RETRY_AFTER,
                                new Header()
                                        .description("seconds")
                                        .style(Header.StyleEnum.SIMPLE)
                                        .schema(new IntegerSchema().format(null)));
            }
        }
    }

    /** WeChat Pay's answer to a notification it must send again. */
    private static Content wechatFailure() {
        Schema<?> failure = new ObjectSchema()
                .addProperty("code", new StringSchema()._enum(List.of("FAIL")))
                .addProperty("message", new StringSchema());
        return new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(failure));
    }

    static Content content() {
        return new Content()
                .addMediaType(
                        MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
    }
}
