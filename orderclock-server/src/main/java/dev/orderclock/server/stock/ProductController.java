package dev.orderclock.server.stock;

import dev.orderclock.stock.Product;
import dev.orderclock.stock.ProductStore;
import dev.orderclock.web.identity.Caller;
import dev.orderclock.web.problem.ProblemException;
import dev.orderclock.web.problem.ProblemType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Products and their stock (docs/API.md, Products and stock; {@code /v3/api-docs}): operators add and
 * restock, anyone identified reads.
 */
@Tag(name = "products")
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductStore products;

    ProductController(ProductStore products) {
        this.products = products;
    }

    @Operation(summary = "Add a product", description = "The operator.")
    @ApiResponse(responseCode = "201", description = "the product", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "sku-exists")
    @PostMapping
    ResponseEntity<ProductView> create(Caller.Operator operator, @Valid @RequestBody NewProductRequest request) {
        Product product =
                products.create(request.sku(), request.name().strip(), Money.parse(request.price()), request.stock());
        return ResponseEntity.created(URI.create("/api/products/" + product.sku()))
                .body(ProductView.of(product));
    }

    @Operation(summary = "A product", description = "stock: all put in; available: what new orders may still reserve.")
    @ApiResponse(responseCode = "200", description = "the product", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "product-not-found")
    @GetMapping("/{sku}")
    ProductView get(Caller caller, @PathVariable String sku) {
        return ProductView.of(products.find(sku).orElseThrow(() -> notFound(sku)));
    }

    @Operation(summary = "Restock a product", description = "The operator.")
    @ApiResponse(responseCode = "200", description = "the product", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "product-not-found")
    @PostMapping("/{sku}/restock")
    ProductView restock(
            Caller.Operator operator, @PathVariable String sku, @Valid @RequestBody RestockRequest request) {
        return ProductView.of(products.restock(sku, request.quantity()).orElseThrow(() -> notFound(sku)));
    }

    private static ProblemException notFound(String sku) {
        return new ProblemException(ProblemType.PRODUCT_NOT_FOUND, "no product has SKU " + sku).with("sku", sku);
    }
}
