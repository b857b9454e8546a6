package dev.orderclock.bench.command;

import dev.orderclock.bench.Bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayLeadConverterTest {

    @Test
    void aLeadOfASecondOrMoreIsTaken() {
        assertThat(new PayLeadConverter().convert("1s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(new PayLeadConverter().convert("1500ms")).isEqualTo(Duration.ofMillis(1_500));
    }

    @Test
    void aLeadUnderASecondIsRefusedSayingWhy() {
        assertThatThrownBy(() -> new PayLeadConverter().convert("500ms"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("less than 1000ms")
                .hasMessageContaining("whole second");
    }

    @Test
    void compareRefusesAShortLeadBeforeStartingAnything() {
        // when compare is asked for payments half a second before the deadline
        int exit = Bench.execute("compare", "--pay-lead", "500ms", "--peers", "scan-1s");

        // then it stops at the command line (picocli's usage error), with no server or peer started
        assertThat(exit).isEqualTo(2);
    }
}
