package dev.orderclock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small {@code compare} against the real server jar and every peer on the local PostgreSQL,
 * RabbitMQ and Redis, so the harness cannot rot: each system must close every unpaid order once and
 * no paid one. Speed is not asserted. The 60 s scan is left out (the same code as the 1 s scan, a
 * minute longer).
 */
class CompareCommandIT {

    private static final Path JAR =
            Path.of(System.getProperty("orderclock.jar", "../orderclock-server/target/orderclock-server.jar"));

    private static final String SYSTEMS =
            "orderclock,orderclock-cluster,scan-1s,rabbitmq-ttl,rabbitmq-ttl-other,db-scheduler,"
                    + "db-scheduler-lock-and-fetch,quartz,redisson,hashed-wheel";

    @Test
    void aSmallCompareClosesEveryUnpaidOrderOnceAndNoPaidOneInEverySystem() throws Exception {
        // given the server jar the reactor built before this module, and the local services
        assertThat(JAR).as("server jar (build orderclock-server first)").isRegularFile();

        // when 200 orders with a 2-second timeout, a fifth of them paid, go through every system
        PrintedRun run = PrintedRun.of(
                "compare",
                "--jar",
                JAR.toString(),
                "--server-heap",
                "256m",
                "--orders",
                "200",
                "--timeout",
                "2s",
                "--paid",
                "0.2",
                "--concurrency",
                "4",
                "--drain",
                "30s",
                "--peers",
                SYSTEMS,
                "--json");

        // then every system created them all, closed every unpaid one once, none paid, and kept the stock
        JsonNode report = run.report();
        List<String> names = new ArrayList<>();
        for (JsonNode system : report.get("systems")) {
            String name = system.get("system").asText();
            names.add(name);
            assertThat(system.get("failure").isNull())
                    .as(name + " failure: " + system.get("failure"))
                    .isTrue();
            assertThat(system.get("created").asLong()).as(name + " created").isEqualTo(200);
            assertThat(system.get("closed").asLong()
                            + system.get("paidAccepted").asLong())
                    .as(name + " closed + paid")
                    .isEqualTo(200);
            assertThat(system.get("missed").asLong()).as(name + " missed").isZero();
            assertThat(system.get("paidClosed").asLong())
                    .as(name + " paid but closed")
                    .isZero();
            assertThat(system.get("paidIntended").asLong())
                    .as(name + " payments intended")
                    .isGreaterThanOrEqualTo(system.get("paidAccepted").asLong());
            assertThat(system.get("observedLagP99Ms").isNumber())
                    .as(name + " seen lag measured")
                    .isTrue();
            if (name.startsWith("orderclock")) {
                assertThat(system.get("sweeperClaimed").isNumber())
                        .as(name + " sweeper claims read")
                        .isTrue();
            }
            if (!name.startsWith("orderclock")) {
                assertThat(system.get("paidAccepted").asLong())
                        .as(name + " paid")
                        .isPositive();
                assertThat(system.get("closedTwice").asLong())
                        .as(name + " closed twice")
                        .isZero();
                assertThat(system.get("stockConserved").asBoolean())
                        .as(name + " stock conserved")
                        .isTrue();
                assertThat(system.get("statements").asLong())
                        .as(name + " statements")
                        .isPositive();
                assertThat(system.get("tableScans").asLong())
                        .as(name + " PostgreSQL scans")
                        .isPositive();
            }
        }
        assertThat(names).hasSize(10);
        assertThat(run.exit()).isZero();
    }
}
