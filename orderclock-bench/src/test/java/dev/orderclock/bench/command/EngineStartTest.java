package dev.orderclock.bench.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EngineStartTest {

    @Test
    void theStartLineGivesTheBacklogAndHowLongItsCloseTook(@TempDir Path dir) throws Exception {
        // given
        Path log = dir.resolve("server.log");
        Files.writeString(log, """
                2026-11-27T06:20:00.000Z  INFO 1 --- [main] o.s.b.w.e.tomcat.TomcatWebServer : Tomcat initialized
                2026-11-27T06:20:02.000Z  INFO 1 --- [main] d.o.deadline.DeadlineEngine : deadline engine started in 4000 ms: \
                closed a backlog of 100000 overdue, holding 0 deadlines due within 60 s (sources [payment-timeout], tick 10 ms)
                """);
        // when
        EngineStart start = EngineStart.read(log).orElseThrow();
        // then
        assertThat(start.millis()).isEqualTo(4000);
        assertThat(start.backlog()).isEqualTo(100_000);
        assertThat(start.backlogPerSecond()).isEqualTo(25_000.0);
    }

    @Test
    void aLogWithoutTheLineGivesNothing(@TempDir Path dir) throws Exception {
        // given
        Path log = dir.resolve("server.log");
        Files.writeString(log, "nothing here\n");
        // then
        assertThat(EngineStart.read(log)).isEmpty();
    }
}
