package dev.orderclock.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notifier's bound: deliveries waiting for their next attempt are capped, the longest waiting dropped. */
@ExtendWith(OutputCaptureExtension.class)
class NotifierTest {

    private static final FaultSettings AN_HOUR_LATE =
            new FaultSettings(0.0, 0.0, 3_600_000L, 0.0, 0.0, false, false, 1.0, null);
    private static final FaultSettings AT_ONCE = new FaultSettings(null, null, 0L, null, null, null, null, null, null);

    private final Faults faults = new Faults(AN_HOUR_LATE, new SimRandom(7));
    private final Notifier notifier = new Notifier(faults, new SimRandom(7), 10);
    /** Deliveries that were attempted; each one's message cannot be made, so none reaches the network. */
    private final Set<String> started = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() {
        notifier.close();
    }

    @Test
    void pastTheCapTheLongestWaitingDeliveriesAreDroppedWithOneWarning(CapturedOutput output) {
        for (int i = 0; i < 10; i++) {
            notifier.send(notification("old-" + i));
        }
        assertThat(notifier.waiting()).isEqualTo(10);
        assertThat(notifier.droppedRetries()).isZero();

        faults.update(AT_ONCE);
        notifier.send(notification("new"));

        // 11 waiting > 10: down to 9 at once, the two waiting longest dropped; the new one goes out.
        await().atMost(Duration.ofSeconds(5)).until(() -> started.contains("new"));
        assertThat(notifier.droppedRetries()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> notifier.stats().pending() == 8);
        assertThat(notifier.waiting()).isEqualTo(8);
        assertThat(started).containsExactly("new");
        assertThat(output.getOut().lines().filter(line -> line.contains("dropped 2 notification deliveries")))
                .hasSize(1);
    }

    private OutgoingNotification notification(String id) {
        return new OutgoingNotification(
                id,
                URI.create("http://127.0.0.1:9/notify"),
                () -> {
                    started.add(id);
                    throw new IllegalStateException("no message in this test");
                },
                List.of(Duration.ofSeconds(15)),
                reply -> true);
    }
}
