package dev.orderclock.server.stock;

import dev.orderclock.server.identity.Caller;
import dev.orderclock.server.problem.ProblemException;
import dev.orderclock.server.problem.ProblemType;
import dev.orderclock.stock.Product;
import dev.orderclock.stock.ProductStore;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Products and their stock (API.md, Products and stock): operators add and restock, anyone identified reads. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductStore products;

    ProductController(ProductStore products) {
        this.products = products;
    }

    @PostMapping
    ResponseEntity<ProductView> create(Caller.Operator operator, @Valid @RequestBody NewProductRequest request) {
        Product product = products.create(request.sku(), request.name().strip(), Money.parse(request.price()),
                request.stock());
        return ResponseEntity.created(URI.create("/api/products/" + product.sku())).body(ProductView.of(product));
    }

    @GetMapping("/{sku}")
    ProductView get(Caller caller, @PathVariable String sku) {
        return ProductView.of(products.find(sku).orElseThrow(() -> notFound(sku)));
    }

    @PostMapping("/{sku}/restock")
    ProductView restock(Caller.Operator operator, @PathVariable String sku, @Valid @RequestBody RestockRequest request) {
        return ProductView.of(products.restock(sku, request.quantity()).orElseThrow(() -> notFound(sku)));
    }

    private static ProblemException notFound(String sku) {
        return new ProblemException(ProblemType.PRODUCT_NOT_FOUND, "no product has SKU " + sku).with("sku", sku);
    }
}
