package dev.orderclock.payment;

/** The channel's answer to closing a trade. {@link AlreadyPaid} and {@link Unknown} mean: query and decide. */
public sealed interface CloseAnswer {

    record Closed() implements CloseAnswer {}

    record NotFound() implements CloseAnswer {}

    record AlreadyPaid() implements CloseAnswer {}

    record Unknown(String reason) implements CloseAnswer {}
}
