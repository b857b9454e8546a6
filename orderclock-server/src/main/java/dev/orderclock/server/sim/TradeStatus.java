package dev.orderclock.server.sim;

/** A simulated trade's life, in no channel's terms; each channel names these its own way. */
public enum TradeStatus {
    WAITING,
    PAID,
    CLOSED
}
