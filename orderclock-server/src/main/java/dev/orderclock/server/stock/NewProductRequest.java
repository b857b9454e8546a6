package dev.orderclock.server.stock;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/products}: every field required; the price a string with at most two decimals. */
public record NewProductRequest(
        @NotNull(message = "is required") @Pattern(regexp = ProductRequests.SKU, message = ProductRequests.SKU_RULE)
        String sku,

        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters")
        String name,

        @NotNull(message = "is required")
        @Pattern(regexp = Money.PATTERN, message = "must be a decimal string with at most two decimals, e.g. \"9.99\"")
        @DecimalMin(value = "0.01", message = "must be at least 0.01")
        String price,

        @NotNull(message = "is required")
        @Min(value = 0, message = "must not be negative")
        @Max(value = ProductRequests.MAX_QUANTITY, message = "must be at most " + ProductRequests.MAX_QUANTITY)
        Long stock) {}
