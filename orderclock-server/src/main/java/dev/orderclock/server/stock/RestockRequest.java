package dev.orderclock.server.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/products/{sku}/restock}: how many units arrived. */
public record RestockRequest(
        @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = ProductRequests.MAX_QUANTITY, message = "must be at most " + ProductRequests.MAX_QUANTITY)
        Long quantity) {}
