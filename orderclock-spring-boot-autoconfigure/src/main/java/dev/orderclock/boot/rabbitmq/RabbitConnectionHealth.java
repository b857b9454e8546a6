package dev.orderclock.boot.rabbitmq;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code orderclockRabbit} health indicators of Boot 3 and Boot 4 report: UP while the
 * starter's RabbitMQ connection is open, DOWN while it is closed or being recovered, with the broker
 * it is (or was last) connected to and why it closed.
 */
record RabbitConnectionHealth(boolean up, Map<String, Object> details) {

    static RabbitConnectionHealth of(Connection connection) {
        Map<String, Object> details = new LinkedHashMap<>();
        InetAddress address = connection.getAddress();
        if (address != null) {
            details.put("broker", address.getHostAddress() + ":" + connection.getPort());
        }
        boolean open = connection.isOpen();
        details.put("state", open ? "open" : "closed");
        ShutdownSignalException reason = open ? null : connection.getCloseReason();
        if (reason != null) {
            details.put("closeReason", reason.getMessage());
        }
        return new RabbitConnectionHealth(open, details);
    }
}
