package dev.orderclock.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code orderclock.deadlines.*} description into Boot's start-up report: what is wrong, what to do. */
public class DeadlineTableFailureAnalyzer extends AbstractFailureAnalyzer<DeadlineTableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DeadlineTableException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
