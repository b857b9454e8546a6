package dev.orderclock.order;

import dev.orderclock.stock.DuplicateSkuException;
import dev.orderclock.stock.Product;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link dev.orderclock.stock.ProductStore}: products and their stock counters. */
public interface ProductsContract extends ShopTests {

    @Test
    default void aNewProductHasAllItsStockAvailableAndNoneSold() {
        // when
        Product created = shop().hasProduct("TEA-1", "9.9", 10);
        // then
        Product expected = new Product("TEA-1", "Product TEA-1", new BigDecimal("9.90"), 10, 10, 0);
        assertThat(created).isEqualTo(expected);
        assertThat(shop().products().find("TEA-1")).contains(expected);
    }

    @Test
    default void aSecondProductWithTheSameSkuIsRefused() {
        // given
        Product original = shop().hasProduct("TEA-1", "9.99", 10);
        // when, then
        assertThatThrownBy(() -> shop().hasProduct("TEA-1", "1.00", 1)).isInstanceOf(DuplicateSkuException.class);
        assertThat(shop().product("TEA-1")).isEqualTo(original);
    }

    @Test
    default void restockingAddsToTheStockAndToWhatIsAvailable() {
        // given: three of ten reserved by a pending order
        shop().hasProduct("TEA-1", "9.99", 10);
        shop().places(anOrder().of("TEA-1", 3));
        // when
        Product restocked = shop().products().restock("TEA-1", 5).orElseThrow();
        // then
        assertThat(restocked.stock()).isEqualTo(15);
        assertThat(restocked.available()).isEqualTo(12);
        assertThat(shop().product("TEA-1")).isEqualTo(restocked);
        shop().assertStockConserved();
    }

    @Test
    default void anUnknownSkuCanBeNeitherFoundNorRestocked() {
        assertThat(shop().products().find("NOPE-1")).isEmpty();
        assertThat(shop().products().restock("NOPE-1", 5)).isEmpty();
    }
}
