package dev.orderclock.bench.command;

import picocli.CommandLine.Option;

import java.net.URI;

/**
 * Where the local PostgreSQL and RabbitMQ are: the cluster mode's nodes run on them (a fresh database
 * and queue prefix per run), and so do {@code compare}'s peers.
 */
public final class ServiceOptions {

    @Option(
            names = "--postgres",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/test",
            description = "an existing PostgreSQL database to connect to (default: ${DEFAULT-VALUE}); cluster mode "
                    + "creates a fresh database next to it for each run, compare's peers a schema in it")
    String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "postgres", description = "(default: ${DEFAULT-VALUE})")
    String postgresUser;

    @Option(names = "--postgres-password", defaultValue = "", description = "(default: empty)")
    String postgresPassword;

    @Option(
            names = "--rabbitmq",
            defaultValue = "amqp://guest:guest@127.0.0.1:5672/%2F",
            description = "(default: ${DEFAULT-VALUE})")
    URI rabbit;
}
