package dev.orderclock.settings;

import java.util.List;

/**
 * A setting that would make a live shop unsafe, or that cannot work: the start-up stops and names it.
 * The server turns it into Spring Boot's "APPLICATION FAILED TO START" report, with {@link #description()}
 * under "Description" and {@link #action()} under "Action". A plain exception, so that core and the
 * channels can throw it without Spring. Messages never carry a secret's value.
 */
public class InvalidSettingException extends IllegalStateException {

    private final List<String> properties;
    private final String description;
    private final String action;

    /**
     * @param properties  the properties at fault, as an operator sets them ({@code orderclock.admin-token})
     * @param description what is wrong, naming the properties
     * @param action      what to set instead
     */
    public InvalidSettingException(List<String> properties, String description, String action) {
        this(properties, description, action, null);
    }

    public InvalidSettingException(List<String> properties, String description, String action, Throwable cause) {
        super(description + " " + action, cause);
        this.properties = List.copyOf(properties);
        this.description = description;
        this.action = action;
    }

    /** One property at fault. */
    public static InvalidSettingException of(String property, String description, String action) {
        return new InvalidSettingException(List.of(property), description, action);
    }

    /** The properties at fault; none when the fault is that something is missing altogether. */
    public List<String> properties() {
        return properties;
    }

    /** What is wrong, for "Description". */
    public String description() {
        return description;
    }

    /** How to put it right, for "Action". */
    public String action() {
        return action;
    }
}
