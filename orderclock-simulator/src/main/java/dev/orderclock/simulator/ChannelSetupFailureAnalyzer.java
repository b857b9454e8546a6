package dev.orderclock.simulator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for payment channels that must not start so. */
public class ChannelSetupFailureAnalyzer extends AbstractFailureAnalyzer<ChannelSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ChannelSetupException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
