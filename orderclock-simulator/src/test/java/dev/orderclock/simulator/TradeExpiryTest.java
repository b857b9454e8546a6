package dev.orderclock.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A trade's expiry as the simulated channels read the shop's time_expire. */
class TradeExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T11:00:00Z");
    private static final Duration LIFE = Duration.ofHours(2);

    @Test
    void noTimeExpireMeansTheChannelsDefaultLife() {
        TradeExpiry expiry = TradeExpiry.of(null, Instant::parse, "ISO-8601", LIFE, NOW);

        assertThat(expiry.refused()).isFalse();
        assertThat(expiry.at()).isEqualTo(NOW.plus(LIFE));
    }

    @Test
    void aFutureTimeExpireIsTheExpiry() {
        TradeExpiry expiry = TradeExpiry.of("2026-11-24T11:30:00Z", Instant::parse, "ISO-8601", LIFE, NOW);

        assertThat(expiry.at()).isEqualTo(Instant.parse("2026-11-24T11:30:00Z"));
    }

    @Test
    void aTimeExpireInAnotherFormatIsRefusedNamingTheFormat() {
        TradeExpiry expiry = TradeExpiry.of("tomorrow", Instant::parse, "ISO-8601", LIFE, NOW);

        assertThat(expiry.refused()).isTrue();
        assertThat(expiry.refusal()).isEqualTo("time_expire must be ISO-8601");
    }

    @Test
    void aTimeExpireNotAfterNowIsRefused() {
        TradeExpiry expiry = TradeExpiry.of("2026-11-24T11:00:00Z", Instant::parse, "ISO-8601", LIFE, NOW);

        assertThat(expiry.refusal()).isEqualTo("time_expire has passed");
    }
}
