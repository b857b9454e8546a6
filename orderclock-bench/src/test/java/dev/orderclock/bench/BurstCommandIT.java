package dev.orderclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small {@code burst} against the real server jar and the scan-every-second job on the local
 * PostgreSQL, so the harness cannot rot: both get the same orders due within one second of their
 * own and must close every one of them once. Speed is not asserted.
 */
class BurstCommandIT {

    private static final Path JAR =
            Path.of(System.getProperty("orderclock.jar", "../orderclock-server/target/orderclock-server.jar"));

    @Test
    void aSmallBurstClosesEveryOrderInOrderclockAndInTheScanJobWithTheirRatios() throws Exception {
        // given the server jar the reactor built before this module, and the local PostgreSQL
        assertThat(JAR).as("server jar (build orderclock-server first)").isRegularFile();

        // when 300 orders fall due within one second, for orderclock and then for the scan job
        PrintedRun run = PrintedRun.of(
                "burst",
                "--jar",
                JAR.toString(),
                "--server-heap",
                "256m",
                "--orders",
                "300",
                "--warmup",
                "0",
                "--due-in",
                "8s",
                "--concurrency",
                "4",
                "--drain",
                "30s",
                "--json");

        // then orderclock's report is the burst's as before, every order closed, none missed
        JsonNode report = run.report();
        assertThat(report.at("/workload/ordersCreated").asLong()).isEqualTo(300);
        assertThat(report.at("/close/closedByTimeout").asLong()).isEqualTo(300);
        assertThat(report.at("/close/missedCloses").asLong()).isZero();
        // and beside it the table of both systems, the scan job's close figures with their ratio to orderclock's
        JsonNode versus = report.get("versus");
        assertThat(versus.get("command").asText()).isEqualTo("burst");
        List<String> names = new ArrayList<>();
        for (JsonNode system : versus.get("systems")) {
            String name = system.get("system").asText();
            names.add(name);
            assertThat(system.get("failure").isNull())
                    .as(name + " failure: " + system.get("failure"))
                    .isTrue();
            assertThat(system.get("created").asLong()).as(name + " created").isEqualTo(300);
            assertThat(system.get("closed").asLong()).as(name + " closed").isEqualTo(300);
            assertThat(system.get("missed").asLong()).as(name + " missed").isZero();
            assertThat(system.get("closesPerSecond").isNumber())
                    .as(name + " closes/s")
                    .isTrue();
            assertThat(system.get("firstToLastCloseMs").isNumber())
                    .as(name + " first to last")
                    .isTrue();
            assertThat(system.get("lagP99Ms").isNumber()).as(name + " lag p99").isTrue();
            assertThat(system.at("/deadlines").asText()).as(name + " deadlines").startsWith("due within the second ");
        }
        assertThat(names).containsExactly("orderclock (embedded)", "scan every 1 s");
        assertThat(versus.at("/systems/1/ratio/closes~1s").isNumber()).isTrue();
        assertThat(versus.at("/systems/1/ratio/first-to-last ms").isNumber()).isTrue();
        assertThat(run.exit()).isZero();
    }
}
