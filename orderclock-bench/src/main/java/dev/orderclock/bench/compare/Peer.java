package dev.orderclock.bench.compare;

import java.time.Instant;
import java.util.Optional;

/**
 * One alternative to orderclock for closing unpaid orders at their deadline, run in the bench's
 * JVM against the local services. A peer only decides when to ask {@link OrdersTable#close} for an
 * order; creating, paying and closing are the same for every peer.
 */
public interface Peer extends AutoCloseable {

    /** Short name, the row of the table. */
    String name();

    /** How it is configured, said in the output: what its documentation recommends for this job and what was set. */
    String configuration();

    /** Starts whatever fires closes; called once, before the first {@link #schedule}. */
    void start(PeerContext context) throws Exception;

    /** The order {@code orderId}, due at {@code deadline}, was just committed: arrange its close. Called from many threads. */
    void schedule(long orderId, Instant deadline) throws Exception;

    /** What the peer itself saw that the table cannot show (messages lost, fired early), said in the notes. */
    default Optional<String> finding() {
        return Optional.empty();
    }

    /** Stops firing and releases what {@link #start} took; the figures are read after this. */
    @Override
    void close() throws Exception;
}
