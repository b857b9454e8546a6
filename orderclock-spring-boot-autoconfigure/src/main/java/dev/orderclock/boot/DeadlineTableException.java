package dev.orderclock.boot;

/**
 * A deadline table that cannot work as configured: thrown at start-up, explained by
 * {@link DeadlineTableFailureAnalyzer} with what to change.
 */
public class DeadlineTableException extends RuntimeException {

    private final String source;
    private final String action;

    public DeadlineTableException(String source, String problem, String action) {
        super(source == null ? problem : "orderclock.deadlines." + source + ": " + problem);
        this.source = source;
        this.action = action;
    }

    public DeadlineTableException(String source, String problem, String action, Throwable cause) {
        this(source, problem, action);
        initCause(cause);
    }

    /** The name under {@code orderclock.deadlines}, or null when it is about all of them. */
    public String source() {
        return source;
    }

    /** What the operator should do. */
    public String action() {
        return action;
    }
}
