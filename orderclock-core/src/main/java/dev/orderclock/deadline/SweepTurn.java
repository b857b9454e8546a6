package dev.orderclock.deadline;

/**
 * Whether this node's sweeper looks now. The sweeper is a safety net for the whole database, so in
 * a cluster one node looking per interval finds what any node lost; the others' looks would find
 * the same rows (and nothing, when idle) at the price of a statement each. The implementation must
 * hand the turn to another node within one sweep interval of losing its holder, or the bound of a
 * lost deadline (grace plus the sweep interval) no longer holds. Called on the sweeper's thread.
 */
@FunctionalInterface
public interface SweepTurn {

    /** Every look is this node's: one node alone, or embedded mode. */
    SweepTurn ALWAYS = () -> true;

    boolean mine();
}
