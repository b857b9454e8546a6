package dev.orderclock.channels.alipay;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AlipayTimeTest {

    @Test
    void writesChinaStandardTimeToTheSecondNeverRoundingUp() {
        assertThat(AlipayTime.format(Instant.parse("2026-11-24T16:05:59.999Z"))).isEqualTo("2026-11-25 00:05:59");
    }

    @Test
    void readsWhatItWrites() {
        assertThat(AlipayTime.parse("2026-11-25 00:05:59")).isEqualTo(Instant.parse("2026-11-24T16:05:59Z"));
    }

    @Test
    void aDeadlineWithMillisecondsExpiresAtItsWholeSecond() {
        assertThat(AlipayTime.truncate(Instant.parse("2026-11-24T11:50:00.123Z")))
                .isEqualTo(Instant.parse("2026-11-24T11:50:00Z"));
    }

    @Test
    void refusesOtherShapes() {
        assertThat(AlipayTime.isValid("2026-11-24T19:20:00")).isFalse();
        assertThat(AlipayTime.isValid("2026-02-30 10:00:00")).isFalse();
        assertThat(AlipayTime.isValid("2026-11-24 19:20:00")).isTrue();
    }
}
