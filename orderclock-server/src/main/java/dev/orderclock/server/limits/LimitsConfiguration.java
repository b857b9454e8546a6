package dev.orderclock.server.limits;

import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.List;

/** The shop's limits ({@link LimitsProperties}): per order and shopper, and the request rates per caller. */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration implements WebMvcConfigurer {

    static final Duration RATE_PERIOD = Duration.ofMinutes(1);
    static final String ORDERS_PER_MINUTE = "rate.orders-per-minute";
    static final String PAYS_PER_MINUTE = "rate.pays-per-minute";

    /** The routes whose {@code POST} counts against a rate: placing an order, and opening a trade for one. */
    public static final List<String> RATE_LIMITED_POSTS = List.of("/api/orders", "/api/orders/{id}/pay");

    private final LimitsProperties settings;

    LimitsConfiguration(LimitsProperties settings) {
        this.settings = settings;
    }

    @Bean
    ShopLimits shopLimits() {
        return new ShopLimits(settings);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (!settings.enabled()) {
            return;
        }
        LimitsProperties.Rate rate = settings.rate();
        // The limiters keep their own time (resilience4j reads System.nanoTime); the cache's idle
        // expiry reads the same clock through Caffeine's system ticker.
        RequestRates orders = new RequestRates(
                ORDERS_PER_MINUTE, rate.ordersPerMinute(), RATE_PERIOD, rate.callersHeld(), Ticker.systemTicker());
        RequestRates pays = new RequestRates(
                PAYS_PER_MINUTE, rate.paysPerMinute(), RATE_PERIOD, rate.callersHeld(), Ticker.systemTicker());
        registry.addInterceptor(new RateLimitInterceptor(orders, pays, new RateKey()))
                .addPathPatterns(RATE_LIMITED_POSTS.toArray(String[]::new));
    }
}
