package dev.orderclock.web.problem;

import org.springframework.http.ProblemDetail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request the API refuses, thrown where the refusal is decided and answered by {@link ProblemAdvice}
 * as a problem document. Nothing has been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final ProblemType type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }

    /** Adds an extension member to the problem document (e.g. the {@code sku} concerned). */
    public ProblemException with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            // An extension named like a standard member would silently replace it in the JSON.
            throw new IllegalArgumentException("not an extension member name: " + name);
        }
        properties.put(name, value);
        return this;
    }

    public ProblemType type() {
        return type;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), getMessage());
        problem.setType(type.type());
        problem.setTitle(type.title());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
