package dev.orderclock.jdbc;

import dev.orderclock.outbox.OutboxContract;

/** The Outbox contract on PostgreSQL 15. */
class PostgresOutboxIT extends OutboxContract {

    @Override
    protected OutboxBackend openBackend() {
        return new JdbcOutboxBackend(TestDatabase.postgres());
    }
}
