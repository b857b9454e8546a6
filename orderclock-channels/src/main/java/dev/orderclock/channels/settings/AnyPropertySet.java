package dev.orderclock.channels.settings;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.util.List;

/**
 * A channel is configured when any of its properties is set: then one forgotten is a start-up failure naming
 * it ({@link ChannelSettings#required}), not a channel silently missing. Presence only: the simulator's values
 * name a port not known yet.
 */
public abstract class AnyPropertySet implements Condition {

    private final List<String> properties;

    protected AnyPropertySet(List<String> properties) {
        this.properties = List.copyOf(properties);
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return properties.stream().anyMatch(context.getEnvironment()::containsProperty);
    }
}
