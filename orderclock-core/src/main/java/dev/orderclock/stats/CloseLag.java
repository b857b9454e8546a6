package dev.orderclock.stats;

/** Close lag percentiles in milliseconds ({@code closedAt - payDeadline}), and how many closes they cover. */
public record CloseLag(long p50Ms, long p99Ms, long maxMs, long count) {}
