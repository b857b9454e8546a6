/**
 * The clock, strict JSON, the contract's timestamps and the start-up report for a refused setting, shared by every
 * application on this edge.
 */
package dev.orderclock.web.config;
