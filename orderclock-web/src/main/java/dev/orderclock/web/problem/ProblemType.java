package dev.orderclock.web.problem;

import org.springframework.http.HttpStatus;

import java.net.URI;

/**
 * Every kind of problem the API answers, with its status and the RFC 9457 {@code type} and
 * {@code title} clients may rely on; the {@code detail} says what happened to this request.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Missing or wrong identity"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed for this caller"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND, "order-not-found", "Order not found"),
    PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND, "product-not-found", "Product not found"),
    UNKNOWN_SKU(HttpStatus.NOT_FOUND, "unknown-sku", "Unknown SKU"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    SKU_EXISTS(HttpStatus.CONFLICT, "sku-exists", "SKU already exists"),
    NOT_ENOUGH_STOCK(HttpStatus.CONFLICT, "not-enough-stock", "Not enough stock"),
    WRONG_ORDER_STATUS(HttpStatus.CONFLICT, "wrong-order-status", "Order not in the required status"),
    HOLDING_LIMIT_REACHED(HttpStatus.CONFLICT, "holding-limit-reached", "Shopper holds the most allowed"),
    PAYMENT_WINDOW_CLOSED(HttpStatus.CONFLICT, "payment-window-closed", "Payment window has closed"),
    PAYMENT_ATTEMPTS_EXCEEDED(HttpStatus.CONFLICT, "payment-attempts-exceeded", "Too many payment attempts"),
    CHANNEL_REFUSED(HttpStatus.UNPROCESSABLE_ENTITY, "channel-refused", "Refused by the payment channel"),
    BODY_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    OVER_SHOP_LIMIT(HttpStatus.UNPROCESSABLE_ENTITY, "over-shop-limit", "Over the shop's limit"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable");

    /** Where the types live; clients compare the whole URI. */
    public static final String BASE = "https://orderclock.dev/problems/";

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.type = URI.create(BASE + slug);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The generic type of a status Spring answers by itself (unknown path, wrong method...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status && candidate.isGeneric()) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST;
    }

    private boolean isGeneric() {
        return switch (this) {
            case INVALID_REQUEST,
                    UNAUTHENTICATED,
                    FORBIDDEN,
                    NOT_FOUND,
                    METHOD_NOT_ALLOWED,
                    NOT_ACCEPTABLE,
                    BODY_TOO_LARGE,
                    UNSUPPORTED_MEDIA_TYPE,
                    INTERNAL_ERROR,
                    UNAVAILABLE -> true;
            default -> false;
        };
    }
}
