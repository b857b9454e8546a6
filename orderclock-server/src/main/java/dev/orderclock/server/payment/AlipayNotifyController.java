package dev.orderclock.server.payment;

import dev.orderclock.payment.PaymentNotifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * {@code POST /api/payments/alipay/notify}: Alipay's asynchronous notification, read raw
 * ({@link ChannelNotifications}). Answers exactly {@code success} when recorded now or before,
 * {@code fail} (nothing changed) otherwise. A body over 64 KiB is answered 413 with a problem document,
 * not {@code fail}: Alipay's notifications are a few KiB, so such a body is not Alipay's, and to Alipay
 * any answer but {@code success} means "send again".
 */
@Tag(name = "payment notifications")
@RestController
class AlipayNotifyController {

    private final ChannelNotifications notifications;

    AlipayNotifyController(ChannelNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(
            summary = "Alipay's asynchronous notification",
            description = "Alipay's own form, RSA2-signed; no other identity (docs/API.md, Payments).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(type = "string"))))
    @ApiResponse(
            responseCode = "200",
            description = "success: accepted now or before; fail: nothing changed (a bad"
                    + " signature, a foreign app_id, an unknown trade, an amount that does not match)",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_PLAIN_VALUE,
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"success", "fail"})))
    @PostMapping("/api/payments/alipay/notify")
    ResponseEntity<String> notify(HttpServletRequest request) throws IOException {
        boolean accepted = notifications
                .receive("alipay", request)
                .filter(PaymentNotifications.Receipt::isAccepted)
                .isPresent();
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(accepted ? "success" : "fail");
    }
}
