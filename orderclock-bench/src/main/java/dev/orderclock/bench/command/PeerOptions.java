package dev.orderclock.bench.command;

import dev.orderclock.bench.compare.PeerContext;
import dev.orderclock.bench.compare.PeerRun;

import picocli.CommandLine.Option;

import java.net.URI;
import java.time.InstantSource;

/** Where the peers of {@code compare} and {@code burst} run, beside --postgres and --rabbitmq, and what they leave. */
public final class PeerOptions {

    @Option(names = "--redis", defaultValue = "redis://127.0.0.1:6379", description = "(default: ${DEFAULT-VALUE})")
    URI redis;

    @Option(names = "--keep-schemas", description = "keep the peers' PostgreSQL schemas for a look afterwards")
    boolean keepSchemas;

    /** The peers' runs on the local services, under one fresh prefix. */
    PeerRun peerRun(ServiceOptions services) {
        return PeerRun.fresh(
                new PeerContext.Services(
                        services.postgresUrl, services.postgresUser, services.postgresPassword, services.rabbit, redis),
                InstantSource.system(),
                keepSchemas);
    }
}
