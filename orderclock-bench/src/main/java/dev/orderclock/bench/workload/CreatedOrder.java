package dev.orderclock.bench.workload;

import java.time.Instant;

/** An order the bench created, as the server answered: its id, owner and deadline. */
public record CreatedOrder(String id, String userId, Instant payDeadline) {}
