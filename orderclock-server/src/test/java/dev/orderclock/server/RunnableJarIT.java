package dev.orderclock.server;

import dev.orderclock.server.testing.ServerProcess;
import dev.orderclock.server.testing.Shop;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar, started as an operator would: nothing but {@code java -jar} and a data folder.
 * Killed with SIGKILL right after it acknowledged an order, it must still have the order when it comes
 * back, and close it for timeout.
 */
class RunnableJarIT {

    @TempDir
    Path dir;

    @Test
    void anOrderAcknowledgedBeforeAKillNineIsClosedForTimeoutAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        String sku;
        String id;
        try (ServerProcess first = ServerProcess.start(data)) {
            Shop shop = new Shop(first.api());
            sku = shop.product(10);
            id = shop.order("u-jar", sku, 3, 2).text("id");
            first.kill9();
        }

        try (ServerProcess second = ServerProcess.start(data)) {
            Shop shop = new Shop(second.api());
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> shop.orderAsOperator(id).path("status").asText(), "CLOSED"::equals);
            JsonNode order = shop.orderAsOperator(id);
            assertThat(order.path("closeReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
            assertThat(shop.available(sku)).isEqualTo(10);
        }
    }
}
