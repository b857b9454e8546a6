package dev.orderclock.web.problem;

import java.io.IOException;

/**
 * Thrown by a request body stream once it has given more than the limit: an {@link IOException}, so
 * that whatever is reading (Jackson, a converter) stops there and Spring reports it as unreadable,
 * which {@link ProblemAdvice} turns into 413.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
