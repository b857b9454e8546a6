package dev.orderclock.server.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code orderclock.data-dir} absolute before anything reads it: H2 refuses a bare relative
 * path such as {@code data}, and an operator should not have to know that.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "orderclock.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("orderclock-data-dir", Map.of(PROPERTY, absolute)));
    }
}
