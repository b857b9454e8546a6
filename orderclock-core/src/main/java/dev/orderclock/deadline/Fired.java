package dev.orderclock.deadline;

import java.time.Instant;

/** A deadline that fired: the id, when it was due, and when the firing transaction ran. */
public record Fired(long id, Instant due, Instant firedAt) {}
