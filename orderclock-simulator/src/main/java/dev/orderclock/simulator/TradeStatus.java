package dev.orderclock.simulator;

/** A simulated trade's life, in no channel's terms; each channel names these its own way. */
public enum TradeStatus {
    WAITING,
    PAID,
    CLOSED
}
