package dev.orderclock.server.stock;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void amountsAlwaysShowTwoDecimals() {
        assertThat(Money.format(new BigDecimal("19.9"))).isEqualTo("19.90");
        assertThat(Money.format(new BigDecimal("7"))).isEqualTo("7.00");
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
    }

    @Test
    void pricesAcceptAtMostTwoDecimalsAndNoSignOrExponent() {
        assertThat("9.99").matches(Money.PATTERN);
        assertThat("10").matches(Money.PATTERN);
        assertThat("0.5").matches(Money.PATTERN);
        assertThat("9.999").doesNotMatch(Money.PATTERN);
        assertThat("-1.00").doesNotMatch(Money.PATTERN);
        assertThat("1e3").doesNotMatch(Money.PATTERN);
        assertThat("01.00").doesNotMatch(Money.PATTERN);
        assertThat("12345678901").doesNotMatch(Money.PATTERN);
    }

    @Test
    void aParsedPriceKeepsTwoDecimals() {
        assertThat(Money.parse("9.9")).isEqualTo(new BigDecimal("9.90"));
    }
}
