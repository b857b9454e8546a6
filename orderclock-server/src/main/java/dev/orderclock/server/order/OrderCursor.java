package dev.orderclock.server.order;

import dev.orderclock.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The listing cursor: opaque to clients (base64url of a versioned position), so the store's paging
 * key can change without breaking a client that kept a cursor.
 */
final class OrderCursor {

    private static final String VERSION = "o1:";

    private OrderCursor() {}

    static String encode(Long position) {
        if (position == null) {
            return null;
        }
        byte[] text = (VERSION + position).getBytes(StandardCharsets.US_ASCII);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text);
    }

    /** The position a cursor stands for; null for no cursor; 400 for anything this server did not hand out. */
    static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(VERSION)) {
                long position = Long.parseLong(text.substring(VERSION.length()));
                if (position > 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64 or not a number: refused below, like any other foreign cursor
        }
        throw ProblemException.invalid("cursor is not one this server handed out");
    }
}
