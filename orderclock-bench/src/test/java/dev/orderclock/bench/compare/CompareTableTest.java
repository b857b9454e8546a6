package dev.orderclock.bench.compare;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompareTableTest {

    @Test
    void givesEachFigureAsARatioToTheFirstRow() {
        // given orderclock and a peer half as fast and ten times as late
        CompareTable table = new CompareTable(Map.of("orders", 100L));
        table.add(row("orderclock", 1_000.0, 10L, 0, 0));
        table.add(row("scan", 500.0, 100L, 0, 0));

        // when the table is read as JSON
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> systems =
                (List<Map<String, Object>>) table.asMap().get("systems");
        @SuppressWarnings("unchecked")
        Map<String, Double> ratio = (Map<String, Double>) systems.get(1).get("ratio");

        // then the peer's figures are halved and multiplied by ten against orderclock's
        assertThat(table.asMap().get("ratioBase")).isEqualTo("orderclock");
        assertThat(ratio.get("created/s")).isEqualTo(0.5);
        assertThat(ratio.get("lag p50 ms")).isEqualTo(10.0);
        assertThat(ratio.get("heap MiB")).isNull();
    }

    @Test
    void printsTheRatioBesideEachPeerFigure() {
        // given the same two rows
        CompareTable table = new CompareTable(Map.of("orders", 100L));
        table.add(row("orderclock", 1_000.0, 10L, 0, 0));
        table.add(row("scan", 500.0, 100L, 0, 0));

        // when printed for a person
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.printText(new PrintStream(out, true, StandardCharsets.UTF_8));

        // then the peer's line carries its ratios
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("500 (x0.50)").contains("100 (x10)");
    }

    @Test
    void aSlowPeerIsAFindingButAPaidOrderClosedIsAFailedRun() {
        // given a peer that missed closes, then one that closed a paid order
        CompareTable slow = new CompareTable(Map.of());
        slow.add(row("orderclock", 1_000.0, 10L, 0, 0));
        slow.add(row("quartz", 50.0, 60_000L, 12, 0));
        CompareTable broken = new CompareTable(Map.of());
        broken.add(row("orderclock", 1_000.0, 10L, 0, 0));
        broken.add(row("peer", 50.0, 10L, 0, 1));

        // then only the second run is not to be trusted
        assertThat(slow.trustworthy()).isTrue();
        assertThat(broken.trustworthy()).isFalse();
    }

    @Test
    void showsTheSeenLagBesideTheRecordedOneAndPaymentsAsAcceptedOfIntended() {
        // given orderclock, 10 of 11 intended payments accepted, and a peer
        CompareTable table = new CompareTable(Map.of("orders", 100L));
        table.add(row("orderclock", 1_000.0, 10L, 0, 0));
        table.add(row("scan", 500.0, 100L, 0, 0));

        // when printed for a person and as JSON
        String text = printed(table);
        List<Map<String, Object>> systems = systems(table);

        // then the seen lag has its own columns with ratios, paid reads accepted/intended, and the
        // sweeper's count is orderclock's alone, with the observer's resolution in the caption
        assertThat(text)
                .contains("seen p50 ms")
                .contains("seen p99 ms")
                .contains("120 (x4.0)")
                .contains("10/11")
                .contains("swept")
                .contains("every 50 ms after its previous answer")
                .contains("seen: polled every 50 ms");
        assertThat(systems.get(0))
                .containsEntry("observedLagP50Ms", 30L)
                .containsEntry("paidIntended", 11L)
                .containsEntry("sweeperClaimed", 0L);
        assertThat(systems.get(1).get("sweeperClaimed")).isNull();
    }

    @Test
    void aBurstTableGivesTheCloseFiguresWithTheirRatiosToOrderclocks() {
        // given orderclock and a scan job through the same burst, the scan job half as fast and ten times as late
        CompareTable table = CompareTable.ofBurst(Map.of("orders", 100L));
        table.add(row("orderclock", 1_000.0, 10L, 0, 0));
        table.add(row("scan", 500.0, 100L, 0, 0));

        // when printed for a person and read as JSON
        String text = printed(table);
        @SuppressWarnings("unchecked")
        Map<String, Double> ratio = (Map<String, Double>) systems(table).get(1).get("ratio");

        // then the close figures lead, first to last among them, with ratios; payments and heap are left out
        assertThat(text)
                .startsWith("== orderclock-bench burst")
                .contains("first-to-last ms")
                .contains("100 (x10)")
                .doesNotContain("heap MiB")
                .doesNotContain("paid: payments");
        assertThat(table.asMap()).containsEntry("command", "burst");
        assertThat(ratio)
                .containsEntry("closes/s", 1.0)
                .containsEntry("first-to-last ms", 1.0)
                .containsEntry("lag p99 ms", 10.0)
                .doesNotContainKey("created/s");
    }

    private static String printed(CompareTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.printText(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> systems(CompareTable table) {
        return (List<Map<String, Object>>) table.asMap().get("systems");
    }

    private static Figures row(String system, double createdPerSecond, long lagP50, long missed, long paidClosed) {
        return new Figures(
                system,
                "config",
                "fixed 5 s",
                100,
                createdPerSecond,
                100.0,
                900L,
                lagP50,
                lagP50 * 2,
                lagP50 * 3,
                lagP50 + 20,
                lagP50 * 2 + 40,
                lagP50 * 3 + 50,
                90,
                missed,
                0,
                10,
                11L,
                paidClosed,
                0L,
                true,
                1_000L,
                500L,
                900L,
                800L,
                null,
                null,
                system.startsWith("orderclock") ? 0L : null,
                "polled every 50 ms",
                null);
    }
}
