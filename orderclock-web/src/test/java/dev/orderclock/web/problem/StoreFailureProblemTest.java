package dev.orderclock.web.problem;

import dev.orderclock.store.StoreException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The store says what kind of failure it was; the API answers by kind, never by a database's code. */
class StoreFailureProblemTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aValueTheDatabaseCannotHoldIsTheCallersBadInput() {
        ResponseEntity<Object> answer = advice.databaseFailed(failure(StoreException.Kind.VALUE_DOES_NOT_FIT));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(((ProblemDetail) answer.getBody()).getType()).isEqualTo(ProblemType.INVALID_REQUEST.type());
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @EnumSource(
            value = StoreException.Kind.class,
            names = {"BUSY", "RULE_BROKEN", "FAILED"})
    void everyOtherStoreFailureIsUnavailableAndChangedNothing(StoreException.Kind kind) {
        ResponseEntity<Object> answer = advice.databaseFailed(failure(kind));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(((ProblemDetail) answer.getBody()).getDetail())
                .isEqualTo("the database did not answer; nothing was changed");
    }

    private static StoreException failure(StoreException.Kind kind) {
        return new StoreException(kind, "a call failed", null);
    }
}
