package dev.orderclock.bench.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BurstPeersTest {

    @Test
    void takesThePeersByCompareKeysAndNoneForOrderclockAlone() {
        // when the peers are named as compare names them, or none
        BurstPeers scan = new BurstPeers(List.of("scan-1s", "db-scheduler"));
        BurstPeers alone = new BurstPeers(List.of("none"));

        // then the first has both, in order, and the second none
        assertThat(scan.keys()).containsExactly("scan-1s", "db-scheduler");
        assertThat(alone.isEmpty()).isTrue();
    }

    @Test
    void refusesAnUnknownPeerAndTheRowWithTheOtherKindOfDeadlines() {
        // then a typo and the second RabbitMQ row are usage errors, said before any server starts
        assertThatThrownBy(() -> new BurstPeers(List.of("scan-2s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scan-2s");
        assertThatThrownBy(() -> new BurstPeers(List.of("rabbitmq-ttl-other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one kind of deadline");
    }
}
