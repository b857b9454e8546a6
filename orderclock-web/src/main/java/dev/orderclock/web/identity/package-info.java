/** Who is calling (operator token, shop JWT, trusted {@code X-User-Id}) and the one security chain that decides it. */
package dev.orderclock.web.identity;
