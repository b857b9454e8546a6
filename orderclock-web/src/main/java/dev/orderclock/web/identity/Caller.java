package dev.orderclock.web.identity;

import dev.orderclock.order.Order;

import java.util.regex.Pattern;

/**
 * Who is calling: a shopper (a JWT from the shop's identity provider, or {@code X-User-Id} from a trusted
 * gateway) or an operator (the admin bearer token). Controllers take it, or one of its two kinds, as a parameter.
 */
public sealed interface Caller permits Caller.Shopper, Caller.Operator {

    /** Whether this caller may see (and act on) the order; other shoppers' orders are answered as missing. */
    boolean maySee(Order order);

    /** The user whose orders a listing shows, or null for every user's. */
    String listedUser();

    /** A shopper, identified by a JWT or a trusted gateway: 1-64 characters of {@code [A-Za-z0-9_-]}. */
    record Shopper(String userId) implements Caller {

        private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        public Shopper {
            if (userId == null || !USER_ID.matcher(userId).matches()) {
                throw new IllegalArgumentException("not a user id: " + userId);
            }
        }

        public static boolean isUserId(String text) {
            return text != null && USER_ID.matcher(text).matches();
        }

        @Override
        public boolean maySee(Order order) {
            return order.isOwnedBy(userId);
        }

        @Override
        public String listedUser() {
            return userId;
        }
    }

    /** An operator: may do everything, on every order. */
    record Operator() implements Caller {

        @Override
        public boolean maySee(Order order) {
            return true;
        }

        @Override
        public String listedUser() {
            return null;
        }
    }
}
