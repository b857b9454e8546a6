package dev.orderclock.server.payment;

import dev.orderclock.payment.PaymentNotifications;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code POST /api/payments/wechat/notify}: WeChat Pay's v3 notification, read raw
 * ({@link ChannelNotifications}). Answers 204 when recorded now or before; when refused — nothing
 * changed — 401 for a signature, serial or timestamp that does not hold, 400 for the rest, each with
 * WeChat Pay's {@code {"code":"FAIL","message":...}} (its schema in {@code /v3/api-docs} is the apidocs
 * package's rule for this route), never 200, so that WeChat Pay sends it again.
 */
@Tag(name = "payment notifications")
@RestController
class WechatNotifyController {

    private final ChannelNotifications notifications;

    WechatNotifyController(ChannelNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(
            summary = "WeChat Pay's v3 notification",
            description =
                    "WeChat Pay's own JSON envelope, its resource"
                            + " AES-256-GCM ciphertext, signed in the Wechatpay-* headers; no other identity (docs/API.md, Payments).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                                            schema = @Schema(type = "object"))))
    @ApiResponse(responseCode = "204", description = "accepted now or before", content = @Content)
    @ApiResponse(responseCode = "400", description = "undecryptable, malformed or mismatched; nothing changed")
    @ApiResponse(responseCode = "401", description = "a bad signature or a stale timestamp; nothing changed")
    @ApiResponse(responseCode = "503", description = "WeChat Pay is not configured on this server")
    @PostMapping("/api/payments/wechat/notify")
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        PaymentNotifications.Receipt receipt =
                notifications.receive("wechat", request).orElse(null);
        if (receipt == null) {
            return fail(HttpStatus.SERVICE_UNAVAILABLE, "WeChat Pay is not configured on this server");
        }
        if (receipt.isAccepted()) {
            return ResponseEntity.noContent().build();
        }
        HttpStatus status = receipt.refusal().isUnauthenticated() ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
        return fail(
                status,
                switch (receipt.refusal()) {
                    case BAD_SIGNATURE -> "the signature, its serial or its headers do not hold";
                    case STALE -> "Wechatpay-Timestamp is more than 5 minutes away";
                    case FOREIGN_MERCHANT -> "the notification is for another merchant or app";
                    case FOREIGN_CURRENCY -> "the trade is not in CNY";
                    case UNDECRYPTABLE -> "the resource does not decrypt";
                    case MALFORMED -> "the notification is malformed";
                    case UNKNOWN_TRADE -> "no such trade";
                    case AMOUNT_MISMATCH -> "the amount is not the trade's";
                });
    }

    private static ResponseEntity<String> fail(HttpStatus status, String message) {
        String json = JsonNodeFactory.instance
                .objectNode()
                .put("code", "FAIL")
                .put("message", message)
                .toString();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json);
    }
}
