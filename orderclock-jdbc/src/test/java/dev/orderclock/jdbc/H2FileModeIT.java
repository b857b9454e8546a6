package dev.orderclock.jdbc;

import dev.orderclock.order.Order;
import dev.orderclock.order.PlainEventFormat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static dev.orderclock.order.NewOrderBuilder.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

/** Embedded mode keeps H2 in a file: the schema is made once and the orders outlive the process's pool. */
class H2FileModeIT {

    /** Counted rather than written down: versions are added on more than one branch at a time. */
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/h2");

    @Test
    void ordersSurviveAReopenOfTheFileAndTheSchemaIsMigratedOnce(@TempDir Path data) {
        // given
        String url = "jdbc:h2:file:" + data.resolve("orderclock").toAbsolutePath();
        Order placed;
        try (HikariDataSource first = pool(url)) {
            assertThat(JdbcSchema.migrate(first))
                    .as("every migration in " + MIGRATIONS)
                    .isEqualTo(migrations());
            new JdbcProductStore(first).create("TEA-1", "Green tea", new BigDecimal("9.99"), 10);
            placed = new JdbcOrderStore(first, new PlainEventFormat())
                    .create(anOrder()
                            .of("TEA-1", 2)
                            .pendingUntil(Instant.parse("2026-11-24T19:50:00.123Z"))
                            .build());
        }
        // when
        try (HikariDataSource second = pool(url)) {
            // then
            assertThat(JdbcSchema.migrate(second)).isZero();
            assertThat(new JdbcOrderStore(second, new PlainEventFormat()).find(placed.id()))
                    .contains(placed);
            assertThat(new JdbcProductStore(second).find("TEA-1").orElseThrow().available())
                    .isEqualTo(8);
        }
    }

    private static long migrations() {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
