package dev.orderclock.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Reply}: {@code assertThat(reply).isProblem(400)}. */
public final class ReplyAssert extends AbstractAssert<ReplyAssert, Reply> {

    private ReplyAssert(Reply actual) {
        super(actual, ReplyAssert.class);
    }

    public static ReplyAssert assertThat(Reply reply) {
        return new ReplyAssert(reply);
    }

    public ReplyAssert hasStatus(int status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("expected status %s but was %s: %s", status, actual.status(), actual.body());
        }
        return this;
    }

    /** The status, as an RFC 9457 problem document: the content type and type, title, status and detail. */
    public ReplyAssert isProblem(int status) {
        hasStatus(status);
        if (!actual.contentType().startsWith("application/problem+json")) {
            failWithMessage("expected application/problem+json but was <%s>: %s", actual.contentType(), actual.body());
        }
        JsonNode problem = actual.json();
        for (String member : new String[] {"type", "title", "detail"}) {
            if (!problem.path(member).isTextual()
                    || problem.path(member).asText().isBlank()) {
                failWithMessage("expected a problem with a %s but was %s", member, actual.body());
            }
        }
        if (problem.path("status").asInt() != status) {
            failWithMessage("expected a problem with status %s but was %s", status, actual.body());
        }
        return this;
    }

    /** A problem of the given type ({@code ProblemType} slug, e.g. {@code not-enough-stock}). */
    public ReplyAssert isProblem(int status, String typeSlug) {
        isProblem(status);
        String type = actual.json().path("type").asText();
        if (!type.endsWith("/" + typeSlug)) {
            failWithMessage("expected a problem of type %s but was %s", typeSlug, type);
        }
        return this;
    }
}
