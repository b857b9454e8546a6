package dev.orderclock.web.config;

import dev.orderclock.settings.InvalidSettingException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvalidSettingFailureAnalyzerTest {

    private final InvalidSettingFailureAnalyzer analyzer = new InvalidSettingFailureAnalyzer();

    @Test
    void findsTheRefusedSettingDeepInTheCauseChainAndReportsItsDescriptionAndAction() {
        InvalidSettingException refusal = InvalidSettingException.of(
                "orderclock.limits.max-units-per-line",
                "orderclock.limits.max-units-per-line must be from 1 to 10000: it is 0.",
                "Set orderclock.limits.max-units-per-line from 1 to 10000.");
        Throwable startup = new BeanCreationException(
                "shopLimits",
                new IllegalStateException("bind failed", new RuntimeException("constructor threw", refusal)));

        FailureAnalysis analysis = analyzer.analyze(startup);

        assertThat(analysis.getDescription()).isEqualTo(refusal.description());
        assertThat(analysis.getAction()).isEqualTo(refusal.action());
        assertThat(analysis.getCause()).isSameAs(refusal);
    }

    @Test
    void leavesEveryOtherFailureToBootsOwnAnalyzers() {
        assertThat(analyzer.analyze(new BeanCreationException("dataSource", new IllegalStateException("no"))))
                .isNull();
    }

    @Test
    void theMessageCarriesWhatIsWrongAndWhatToDoForLogsThatShowOnlyTheMessage() {
        InvalidSettingException refusal =
                new InvalidSettingException(List.of("a.b", "c.d"), "a.b exceeds c.d.", "Lower a.b.");

        assertThat(refusal).hasMessage("a.b exceeds c.d. Lower a.b.");
        assertThat(refusal.properties()).containsExactly("a.b", "c.d");
    }
}
