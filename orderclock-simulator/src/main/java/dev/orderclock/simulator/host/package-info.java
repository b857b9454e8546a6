/** Where the simulator meets orderclock-web: its {@code Operator} parameter, and the edge it runs on when alone. */
package dev.orderclock.simulator.host;
