package dev.orderclock.order;

/** The random id of a new order is already taken; nothing was written. */
public class DuplicateOrderIdException extends RuntimeException {

    public DuplicateOrderIdException(long id) {
        super("order id already exists: " + OrderId.format(id));
    }
}
