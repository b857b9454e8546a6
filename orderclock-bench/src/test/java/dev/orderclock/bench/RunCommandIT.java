package dev.orderclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness itself against the real server jar: a small run must report every order closed, none missed. */
class RunCommandIT {

    private static final Path JAR =
            Path.of(System.getProperty("orderclock.jar", "../orderclock-server/target/orderclock-server.jar"));

    @Test
    void aSmallRunAgainstTheRealJarReportsEveryOrderClosedAndNoneMissed() throws Exception {
        // given the server jar the reactor built before this module
        assertThat(JAR).as("server jar (build orderclock-server first)").isRegularFile();

        // when the bench runs 200 orders with a 2-second timeout and prints JSON
        PrintedRun run = PrintedRun.of(
                "run",
                "--jar",
                JAR.toString(),
                "--orders",
                "200",
                "--timeout",
                "2s",
                "--concurrency",
                "4",
                "--server-heap",
                "256m",
                "--json");

        // then the report has every order created and closed for timeout, on time and once
        JsonNode report = run.report();
        assertThat(run.exit()).isZero();
        assertThat(report.at("/workload/ordersCreated").asLong()).isEqualTo(200);
        assertThat(report.at("/close/closedByTimeout").asLong()).isEqualTo(200);
        assertThat(report.at("/close/missedCloses").asLong()).isZero();
        assertThat(report.at("/close/closedBeforeDeadline").asLong()).isZero();
        assertThat(report.at("/close/lagMaxMs").asLong()).isLessThan(5_000);
        // and the outside observer saw every close, each after its commit, so never before its recorded
        // closed_at (one clock: the same machine's)
        assertThat(report.at("/close/observedCloses").asLong()).isEqualTo(200);
        assertThat(report.at("/close/closesNotObserved").asLong()).isZero();
        assertThat(report.at("/close/observedLagMaxMs").asLong())
                .isGreaterThanOrEqualTo(report.at("/close/lagMaxMs").asLong());
        assertThat(report.at("/close/sweeperClaimed").isNumber()).isTrue();
        assertThat(report.at("/database/statements").asLong()).isPositive();
        assertThat(report.at("/server/rssMiB").asText()).isNotEqualTo("n/a");
    }
}
