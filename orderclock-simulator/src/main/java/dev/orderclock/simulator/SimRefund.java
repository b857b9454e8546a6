package dev.orderclock.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/** A refund the simulated channel carried out, known by the shop's refund request number. */
public record SimRefund(String requestNo, BigDecimal amount, Instant at) {}
