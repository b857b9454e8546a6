package dev.orderclock.server.payment;

import dev.orderclock.server.OrderclockApplication;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both channels charge yuan: a shop configured for another currency does not start while one is on. */
class ChannelCurrencyIT {

    @Test
    void aCurrencyOtherThanCnyWithAChannelOnIsAStartUpFailureNamingTheProperty() {
        SpringApplicationBuilder server = new SpringApplicationBuilder(OrderclockApplication.class);

        assertThatThrownBy(() -> server.run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:orderclock-currency;DB_CLOSE_DELAY=-1",
                                "--orderclock.currency=USD")
                        .close())
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure)
                                .getMessage())
                        .contains("orderclock.currency must be CNY")
                        .contains("alipay")
                        .contains("USD"));
    }
}
