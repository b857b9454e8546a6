package dev.orderclock.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RabbitClusterTest {

    @Test
    void aRecoveringConnectionReconnectsByItselfAndDeclaresItsChannelsAgain() {
        ConnectionFactory factory = RabbitCluster.recovering(new ConnectionFactory());

        assertThat(factory.isAutomaticRecoveryEnabled()).isTrue();
        assertThat(factory.isTopologyRecoveryEnabled()).isTrue();
        assertThat(factory.getNetworkRecoveryInterval()).isEqualTo(RabbitCluster.RECOVERY_INTERVAL_MILLIS);
        assertThat(factory.getRequestedHeartbeat()).isEqualTo(RabbitCluster.HEARTBEAT_SECONDS);
    }
}
