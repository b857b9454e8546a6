package dev.orderclock.web.problem;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report for what fails inside Tomcat before Spring sees it — a path or query with a
 * bad {@code %}-escape, a request line or header over {@code server.max-http-request-header-size} —
 * written as a problem document instead of Tomcat's HTML page. What reached Spring has its problem
 * written already (by {@link ProblemAdvice} or {@link ProblemErrorController}), so this writes only
 * when nothing was. Bad input, not a server fault: nothing logged here.
 */
public final class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // ErrorReportValve's own rule: only an error, only when nothing was written, only once.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        ObjectNode problem = JsonNodeFactory.instance
                .objectNode()
                .put("type", type.type().toString())
                .put("title", type.title())
                .put("status", status)
                .put("detail", detail(status));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response cannot take a body any more: nothing left to tell.
        }
    }

    /** In the client's terms; Tomcat's own message names its internals and is left out. */
    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be parsed: a malformed path, query or header, or headers too large";
            case 413 -> "the request is too large";
            case 414 -> "the request line is too long";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "the request failed on the server" : "the request could not be handled";
        };
    }
}
