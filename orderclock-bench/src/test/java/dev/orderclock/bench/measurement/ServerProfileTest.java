package dev.orderclock.bench.measurement;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServerProfileTest {

    @Test
    void countsSamplesByThreadGroupTopFrameAndInnermostOrderclockFrame() {
        List<String> jfrPrint = """
                jdk.ExecutionSample {
                  startTime = 00:20:59.123 (2026-11-27)
                  sampledThread = "orderclock-sweeper-1" (javaThread = true)
                  state = "STATE_RUNNABLE"
                  stackTrace = [
                    org.h2.mvstore.db.MVSortedTempResult.addRow(Value[]) line: 120
                    org.h2.command.query.Select.queryFlat(int) line: 7
                    dev.orderclock.jdbc.JdbcOrderStore.sweepDue(OrderTransition) line: 130
                    dev.orderclock.deadline.Sweeper.sweep(SourceTrack, Instant) line: 50
                  ]
                }
                jdk.ExecutionSample {
                  sampledThread = "orderclock-firing-2" (javaThread = true)
                  stackTrace = [
                    org.h2.mvstore.DataUtils.writeStringData(ByteBuffer, String, int) line: 3
                    dev.orderclock.jdbc.Outbox.write(Connection, List) line: 33
                  ]
                }
                """.lines().toList();

        Map<String, Object> summary = ServerProfile.summarise(jfrPrint, 5);

        assertThat(summary.get("samples")).isEqualTo(2L);
        assertThat(summary.get("byThread")).isEqualTo(Map.of("orderclock-sweeper#", 1L, "orderclock-firing#", 1L));
        assertThat(summary.get("innermostOrderclockFrames"))
                .isEqualTo(Map.of(
                        "dev.orderclock.jdbc.JdbcOrderStore.sweepDue(OrderTransition)", 1L,
                        "dev.orderclock.jdbc.Outbox.write(Connection, List)", 1L));
        assertThat(summary.get("topFrames"))
                .isEqualTo(Map.of(
                        "org.h2.mvstore.db.MVSortedTempResult.addRow(Value[])", 1L,
                        "org.h2.mvstore.DataUtils.writeStringData(ByteBuffer, String, int)", 1L));
    }
}
