package dev.orderclock.web.config;

import dev.orderclock.settings.InvalidSettingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Spring Boot's "APPLICATION FAILED TO START" report for a setting that would make a live shop unsafe or
 * cannot work, wherever in the cause chain it was thrown: a bean's constructor, a {@code @Bean} method, or a
 * {@code @ConfigurationProperties} record, which Boot wraps in a {@code BindException}. First in order, so
 * that Boot's generic bind report ("Failed to bind properties under ...") does not answer for it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
