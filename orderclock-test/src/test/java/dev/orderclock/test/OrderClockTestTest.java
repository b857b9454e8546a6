package dev.orderclock.test;

import dev.orderclock.boot.DeadlineHandler;
import dev.orderclock.deadline.DeadlineEngine;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@OrderClockTest
class OrderClockTestTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineEngine engine;

    @Autowired
    List<Long> handled;

    @Test
    void an_unpaid_order_closes_when_the_test_moves_the_clock_past_its_expiry_and_not_before(
            OrderClockDriver orderclock) {
        Instant expiry = orderclock.clock().instant().plus(Duration.ofMinutes(30));
        jdbc.update(
                "INSERT INTO t_order (id, status, pay_expire_time) VALUES (1, 0, ?)",
                LocalDateTime.ofInstant(expiry, ZoneOffset.UTC));

        orderclock.advance(Duration.ofMinutes(29));
        assertThat(status(1)).isZero();

        orderclock.advance(Duration.ofMinutes(1));
        assertThat(status(1)).isEqualTo(40);
        assertThat(handled).containsExactly(1L);
    }

    @Test
    void the_engine_never_runs_its_own_threads_and_the_clock_is_the_tests(TestClock clock) {
        Instant before = clock.instant();
        assertThat(engine.isRunning()).isFalse();
        assertThat(clock.advance(Duration.ofHours(2))).isEqualTo(before.plus(Duration.ofHours(2)));
    }

    private int status(long id) {
        return jdbc.queryForObject("SELECT status FROM t_order WHERE id = ?", Integer.class, id);
    }

    @SpringBootApplication
    static class Shop {
        @Bean
        List<Long> handled() {
            return new CopyOnWriteArrayList<>();
        }

        @Bean
        DeadlineHandler recordClosed(List<Long> handled) {
            return (source, ids, now) -> handled.addAll(ids);
        }
    }
}
