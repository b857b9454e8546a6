package dev.orderclock.server.order;

import dev.orderclock.web.problem.ProblemException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderCursorTest {

    @Test
    void aCursorStandsForThePositionItWasMadeFrom() {
        assertThat(OrderCursor.decode(OrderCursor.encode(123_456L))).isEqualTo(123_456L);
    }

    @Test
    void aCursorDoesNotShowThePositionAsIs() {
        assertThat(OrderCursor.encode(42L)).doesNotContain("42").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void noPositionMeansNoCursor() {
        assertThat(OrderCursor.encode(null)).isNull();
        assertThat(OrderCursor.decode(null)).isNull();
        assertThat(OrderCursor.decode("")).isNull();
    }

    @Test
    void aCursorThisServerDidNotMakeIsRefused() {
        for (String forged : new String[] {"42", "%%%", "bzE6LTE", "bzE6eA", "eDo0Mg"}) {
            assertThatExceptionOfType(ProblemException.class).as(forged).isThrownBy(() -> OrderCursor.decode(forged));
        }
    }
}
