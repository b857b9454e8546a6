package dev.orderclock.jdbc;

import dev.orderclock.outbox.OutboxContract;

/** The Outbox contract on H2 in memory. */
class H2OutboxIT extends OutboxContract {

    @Override
    protected OutboxBackend openBackend() {
        return new JdbcOutboxBackend(TestDatabase.h2());
    }
}
