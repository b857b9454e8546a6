package dev.orderclock.channels.settings;

import java.util.function.UnaryOperator;

/**
 * Resolves the placeholders of a configured address at its first use. The application that hosts the
 * channels may supply one: the server's waits for its own port ({@code ${local.server.port}}, which the
 * built-in simulator's addresses name), which exists only once the web server listens.
 */
public interface AddressResolver extends UnaryOperator<String> {}
