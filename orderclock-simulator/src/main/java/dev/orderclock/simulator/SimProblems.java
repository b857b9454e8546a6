package dev.orderclock.simulator;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * The simulator's RFC 9457 answers, in the service's vocabulary of problem types (docs/API.md) without
 * depending on the service: the host's exception handler renders an {@link ErrorResponseException}'s
 * document as it is.
 */
final class SimProblems {

    /** Where the service's problem types live; clients compare the whole URI. */
    static final String BASE = "https://orderclock.dev/problems/";

    private SimProblems() {}

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    }

    static ErrorResponseException notFound(String detail, String name, Object value) {
        ErrorResponseException e = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
        e.getBody().setProperty(name, value);
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
