package dev.orderclock.boot;

import dev.orderclock.testing.ManualClock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class SlowHandlerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_handler_slower_than_the_batch_timeout_is_named_in_a_warning(CapturedOutput output) {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE t_order (id BIGINT PRIMARY KEY, status INT, pay_expire_time TIMESTAMP(3))");
        jdbc.update("INSERT INTO t_order VALUES (1, 0, TIMESTAMP '2025-12-31 23:59:00')");
        ManualClock clock = new ManualClock(T0);
        DeadlineTable table = new DeadlineTable(
                "payment-timeout", "t_order", "id", "pay_expire_time", "status = 0", "status = 40", false, 3);
        DeadlineHandler slow = (source, ids, now) -> clock.advance(Duration.ofSeconds(31));
        TableDeadlineSource source = new TableDeadlineSource(
                table,
                TableSql.H2,
                new NamedParameterJdbcTemplate(jdbc),
                OrderClockAutoConfiguration.closingTransactions(
                        new DataSourceTransactionManager(dataSource), TableSql.H2, Duration.ofSeconds(30)),
                List.of(slow),
                clock);

        source.fire(new long[] {1}, T0);

        assertThat(output)
                .contains("orderclock.deadlines.payment-timeout: the handler")
                .contains("longer than the batch timeout of 30 s");
    }
}
