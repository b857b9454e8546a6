package dev.orderclock.simulator;

import dev.orderclock.simulator.alipay.AlipayNotifications;
import dev.orderclock.simulator.wechat.WechatNotifications;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The channels' retry schedules, written as their documentation writes them. */
class ChannelNotificationsTest {

    @Test
    void aScheduleReadsSecondsMinutesAndHours() {
        assertThat(ChannelNotifications.schedule("15s 3m  60m 6h"))
                .containsExactly(
                        Duration.ofSeconds(15), Duration.ofMinutes(3), Duration.ofHours(1), Duration.ofHours(6));
    }

    @Test
    void alipayRetriesSevenTimesOverAboutADay() {
        assertThat(AlipayNotifications.RETRY_SCHEDULE).hasSize(7).startsWith(Duration.ofMinutes(4));
        assertThat(total(AlipayNotifications.RETRY_SCHEDULE)).isEqualTo(Duration.ofMinutes(24 * 60 + 24));
    }

    @Test
    void wechatPayRetriesFifteenTimesOverAboutADay() {
        assertThat(WechatNotifications.RETRY_SCHEDULE).hasSize(15).startsWith(Duration.ofSeconds(15));
        assertThat(total(WechatNotifications.RETRY_SCHEDULE)).isEqualTo(Duration.ofMinutes(24 * 60 + 4));
    }

    private static Duration total(List<Duration> schedule) {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
