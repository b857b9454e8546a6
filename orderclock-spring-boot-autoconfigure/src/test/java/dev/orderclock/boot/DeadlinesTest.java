package dev.orderclock.boot;

import dev.orderclock.deadline.DeadlineEngine;
import dev.orderclock.deadline.DeadlineSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class DeadlinesTest {

    private static final Instant DUE = Instant.parse("2026-01-01T00:10:00Z");

    private final DeadlineEngine engine = mock(DeadlineEngine.class);
    private final DeadlineSource source = mock(DeadlineSource.class);
    private final Deadlines deadlines = new Deadlines(engine, Map.of("payment-timeout", source));
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID())));

    @Test
    void outside_a_transaction_a_deadline_is_handed_over_at_once() {
        deadlines.schedule("payment-timeout", 7, DUE);

        verify(engine).schedule(source, 7, DUE);
    }

    @Test
    void inside_a_transaction_a_deadline_is_handed_over_only_after_commit() {
        transactions.executeWithoutResult(status -> {
            deadlines.schedule("payment-timeout", 7, DUE);
            verifyNoInteractions(engine);
        });

        verify(engine).schedule(source, 7, DUE);
    }

    @Test
    void a_transaction_that_rolls_back_hands_nothing_over() {
        transactions.executeWithoutResult(status -> {
            deadlines.schedule("payment-timeout", 7, DUE);
            deadlines.cancel("payment-timeout", 8);
            status.setRollbackOnly();
        });

        verify(engine, never()).schedule(source, 7, DUE);
        verify(engine, never()).cancel(source, 8);
    }

    @Test
    void an_unknown_source_name_is_refused_naming_the_configured_ones() {
        assertThatThrownBy(() -> deadlines.schedule("payment-timeuot", 7, DUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[payment-timeout]");
    }
}
