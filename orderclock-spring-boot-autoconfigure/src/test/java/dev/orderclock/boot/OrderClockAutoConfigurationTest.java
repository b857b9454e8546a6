package dev.orderclock.boot;

import dev.orderclock.deadline.Deadline;
import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;
import dev.orderclock.deadline.Fired;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The auto-configuration on H2 with a shop's schema: what it builds, what it refuses and how it says so. */
class OrderClockAutoConfigurationTest {

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

    @Test
    void a_described_table_gives_a_running_engine_a_deadlines_facade_and_a_starter() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(DeadlineEngine.class)
                    .hasSingleBean(Deadlines.class)
                    .hasSingleBean(OrderClockStarter.class);
            assertThat(context.getBean(DeadlineEngine.class).isRunning()).isTrue();
            assertThat(context.getBean(Deadlines.class).sourceNames()).containsExactly("payment-timeout");
        });
    }

    @Test
    void the_engine_stops_when_the_context_closes() {
        DeadlineEngine[] engine = new DeadlineEngine[1];
        runner.run(context -> engine[0] = context.getBean(DeadlineEngine.class));
        assertThat(engine[0].isRunning()).isFalse();
    }

    @Test
    void enabled_false_builds_nothing() {
        runner.withPropertyValues("orderclock.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(DeadlineEngine.class)
                        .doesNotHaveBean(Deadlines.class));
    }

    @Test
    void the_applications_own_deadline_source_wins_over_a_table_of_the_same_name() {
        runner.withUserConfiguration(OwnSource.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(TableDeadlineSources.class).byName()).isEmpty();
            assertThat(context.getBean(Deadlines.class).sourceNames()).containsExactly("payment-timeout");
        });
    }

    @Test
    void a_starter_of_the_applications_own_replaces_the_one_that_starts_on_refresh() {
        runner.withUserConfiguration(ManualStart.class).run(context -> {
            assertThat(context).hasSingleBean(OrderClockStarter.class);
            assertThat(context.getBean(DeadlineEngine.class).isRunning()).isFalse();
        });
    }

    @Test
    void a_missing_table_fails_start_up_naming_it() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.table=t_orders")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("orderclock.deadlines.payment-timeout")
                        .contains("table 't_orders' does not exist"));
    }

    @Test
    void a_missing_due_column_fails_start_up_listing_the_columns_there_are() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.due-column=expire_time")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("due-column 'expire_time' is not a column")
                        .containsIgnoringCase("pay_expire_time"));
    }

    @Test
    void a_pending_condition_that_does_not_parse_fails_start_up() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.pending=status = = 0")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("pending 'status = = 0' is not a valid condition"));
    }

    @Test
    void a_close_that_does_not_parse_fails_start_up() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.close=state = 40")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("close 'state = 40' is not a valid SET list"));
    }

    @Test
    void a_key_that_is_not_an_integer_fails_start_up() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.id-column=code")
                .run(context -> assertThat(analysis(context).getDescription())
                        .contains("id column 'code' is CHARACTER VARYING"));
    }

    @Test
    void a_due_column_without_an_index_fails_start_up_with_the_index_to_create() {
        runner.withPropertyValues("orderclock.deadlines.payment-timeout.table=t_unindexed")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).contains("no index starts with due column 'pay_expire_time'");
                    assertThat(analysis.getAction())
                            .contains(
                                    "CREATE INDEX t_unindexed_pay_expire_time_idx ON t_unindexed (pay_expire_time, id)");
                });
    }

    @Test
    void a_due_column_without_an_index_only_warns_when_the_index_is_not_required() {
        runner.withPropertyValues(
                        "orderclock.deadlines.payment-timeout.table=t_unindexed",
                        "orderclock.deadlines.payment-timeout.require-index=false",
                        "orderclock.deadlines.payment-timeout.close=status = 40")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(DeadlineEngine.class));
    }

    @Test
    void nothing_described_fails_start_up_rather_than_doing_nothing() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, OrderClockAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID())
                .run(context -> assertThat(analysis(context).getAction()).contains("orderclock.enabled=false"));
    }

    @Test
    @SuppressWarnings("deprecation")
    void the_failure_analyzer_is_registered_for_boot_to_find() {
        assertThat(SpringFactoriesLoader.loadFactoryNames(
                        FailureAnalyzer.class, getClass().getClassLoader()))
                .contains(DeadlineTableFailureAnalyzer.class.getName());
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new DeadlineTableFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("a DeadlineTableException among the causes").isNotNull();
        return analysis;
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSource {
        @Bean
        DeadlineSource paymentTimeout() {
            return new DeadlineSource() {
                @Override
                public String name() {
                    return "payment-timeout";
                }

                @Override
                public List<Deadline> scan(Deadline after, Instant until, int limit) {
                    return List.of();
                }

                @Override
                public List<Fired> fire(long[] ids, Instant now) {
                    return List.of();
                }

                @Override
                public List<Fired> sweep(Instant cutoff, int limit, Instant now) {
                    return List.of();
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ManualStart {
        @Bean
        OrderClockStarter manualStarter(DeadlineEngine engine) {
            return OrderClockStarter.manual(engine);
        }
    }
}
