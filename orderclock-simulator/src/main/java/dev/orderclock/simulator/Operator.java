package dev.orderclock.simulator;

/**
 * A controller parameter that admits operators only. The simulator has no identity of its own: the
 * application that hosts it resolves this parameter with its own (orderclock-web's, through
 * {@code host.SimulatorOperators}), answering 401 to an unidentified caller and 403 to a shopper,
 * before the request body is read.
 */
public record Operator() {}
