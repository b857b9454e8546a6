package dev.orderclock.server.config;

import dev.orderclock.jdbc.JdbcOrderStore;
import dev.orderclock.jdbc.JdbcProductStore;
import dev.orderclock.jdbc.JdbcStorage;
import dev.orderclock.order.OrderEventFormat;
import dev.orderclock.order.OrderStore;
import dev.orderclock.server.order.JacksonOrderEventFormat;
import dev.orderclock.stock.ProductStore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import javax.sql.DataSource;

/**
 * The stores over the pooled data source (H2 under {@code orderclock.data-dir} by default; Flyway has
 * migrated it before anything calls a store).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    @Bean
    OrderEventFormat orderEventFormat(ObjectMapper json) {
        return new JacksonOrderEventFormat(json);
    }

    @Bean
    ProductStore productStore(DataSource dataSource) {
        return new JdbcProductStore(dataSource);
    }

    /** What the order and payment stores share: transactions, dialect and the transition path. */
    @Bean
    JdbcStorage jdbcStorage(
            DataSource dataSource,
            OrderEventFormat format,
            @Value("${orderclock.auto-confirm:7d}") Duration autoConfirm) {
        return new JdbcStorage(dataSource, format, autoConfirm);
    }

    @Bean
    OrderStore orderStore(JdbcStorage storage) {
        return new JdbcOrderStore(storage);
    }
}
