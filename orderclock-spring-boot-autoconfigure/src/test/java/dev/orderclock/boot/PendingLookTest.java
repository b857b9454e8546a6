package dev.orderclock.boot;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** At start-up on H2, after the table checks: one WARN when {@code pending} matches no row, none when one matches. */
class PendingLookTest {

    private final LogLines log = new LogLines(TableInspector.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class,
                    SqlInitializationAutoConfiguration.class,
                    OrderClockAutoConfiguration.class))
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(),
                    "spring.sql.init.schema-locations=classpath:shop-schema.sql",
                    "orderclock.deadlines.payment-timeout.table=t_order",
                    "orderclock.deadlines.payment-timeout.due-column=pay_expire_time",
                    "orderclock.deadlines.payment-timeout.pending=status = 0",
                    "orderclock.deadlines.payment-timeout.close=status = 40, close_time = :now");

    @AfterEach
    void detach() {
        log.close();
    }

    @Test
    void an_empty_table_starts_with_one_warning_naming_the_deadline_the_table_and_the_condition() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(log.at(Level.WARN))
                    .singleElement()
                    .asString()
                    .contains(
                            "orderclock.deadlines.payment-timeout",
                            "t_order",
                            "pending 'status = 0'",
                            "no unpaid orders yet",
                            "the condition is wrong and nothing will ever close");
        });
    }

    @Test
    void a_condition_that_matches_none_of_the_rows_there_are_warns_and_still_starts() {
        runner.withPropertyValues(
                        "spring.sql.init.data-locations=classpath:shop-pending-order.sql",
                        "orderclock.deadlines.payment-timeout.pending=status = 10")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(log.at(Level.WARN)).singleElement().asString().contains("pending 'status = 10'");
                });
    }

    @Test
    void only_closed_rows_match_nothing_and_warn() {
        runner.withPropertyValues("spring.sql.init.data-locations=classpath:shop-closed-order.sql")
                .run(context -> assertThat(log.at(Level.WARN))
                        .singleElement()
                        .asString()
                        .contains("no row of t_order matches"));
    }

    @Test
    void a_pending_row_means_no_warning() {
        runner.withPropertyValues("spring.sql.init.data-locations=classpath:shop-pending-order.sql")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(log.at(Level.WARN)).isEmpty();
                });
    }

    @Test
    void a_pending_condition_that_does_not_parse_still_fails_start_up_before_any_look() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.pending=status = = 0")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(log.at(Level.WARN)).isEmpty();
                });
    }
}
