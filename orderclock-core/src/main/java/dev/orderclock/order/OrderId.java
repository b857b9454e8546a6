package dev.orderclock.order;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * An order's identity: a random 50-bit number, shown as {@code ORD-} and ten Crockford base-32 digits.
 * Storing the number keeps keys and timing-wheel entries small; the text form is what the API shows.
 */
public final class OrderId {

    private static final String PREFIX = "ORD-";
    private static final int DIGITS = 10;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MAX = (1L << (5 * DIGITS)) - 1;

    private OrderId() {}

    /** A new random id, never 0. Collisions are possible (50 bits) and are retried by whoever inserts. */
    public static long random(RandomGenerator random) {
        long value;
        do {
            value = random.nextLong() & MAX;
        } while (value == 0);
        return value;
    }

    public static String format(long id) {
        if (id < 0 || id > MAX) {
            throw new IllegalArgumentException("not an order id: " + id);
        }
        char[] text = new char[PREFIX.length() + DIGITS];
        PREFIX.getChars(0, PREFIX.length(), text, 0);
        long rest = id;
        for (int i = text.length - 1; i >= PREFIX.length(); i--) {
            text[i] = ALPHABET[(int) (rest & 31)];
            rest >>>= 5;
        }
        return new String(text);
    }

    /** The number behind a text id, or empty when the text is not one (callers answer 404). */
    public static OptionalLong parse(String text) {
        if (text == null || text.length() != PREFIX.length() + DIGITS || !text.startsWith(PREFIX)) {
            return OptionalLong.empty();
        }
        long value = 0;
        for (int i = PREFIX.length(); i < text.length(); i++) {
            int digit = digitOf(text.charAt(i));
            if (digit < 0) {
                return OptionalLong.empty();
            }
            value = (value << 5) | digit;
        }
        return OptionalLong.of(value);
    }

    private static int digitOf(char c) {
        for (int d = 0; d < ALPHABET.length; d++) {
            if (ALPHABET[d] == c) {
                return d;
            }
        }
        return -1;
    }
}
