package dev.orderclock.bench.compare;

import java.net.URI;

/**
 * What a peer may use: the orders table (its data source counts the statements), the PostgreSQL
 * schema the table lives in (a peer's own tables go there too), the local broker and Redis, and a
 * run-unique prefix for every name a peer creates outside PostgreSQL (queues, keys).
 */
public record PeerContext(OrdersTable orders, Services services, String schema, String prefix) {

    /** Where the local services are. */
    public record Services(String postgresUrl, String postgresUser, String postgresPassword, URI rabbit, URI redis) {

        /** The JDBC URL of {@code postgresUrl} with {@code schema} as the current schema. */
        public String jdbcUrlFor(String schema) {
            return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }
}
