package dev.orderclock.web.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses with 400 a query string that does not decode: a {@code %} not followed by two hex digits,
 * or escapes that are not UTF-8. Tomcat drops such a parameter silently, so {@code ?status=%zz}
 * would list every order as if no status were asked for: a wrong answer, not a refusal. Only the
 * query is checked here, never a form body (the payment notifications read theirs raw).
 */
public final class QueryStringFilter extends OncePerRequestFilter {

    private final HandlerExceptionResolver problems;

    /** @param problems answers the refusal through {@link ProblemAdvice}, like any other problem */
    public QueryStringFilter(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !decodes(query)) {
            problems.resolveException(
                    request,
                    response,
                    null,
                    ProblemException.invalid("the query string has a malformed %-escape or is not UTF-8"));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether every {@code %XX} is two hex digits and the bytes they and the rest make are UTF-8. */
    static boolean decodes(String query) {
        ByteBuffer bytes = ByteBuffer.allocate(query.length() * 4);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (Character.isSurrogate(c)) {
                // Tomcat hands the raw query over as ISO-8859-1, one char per byte: no surrogates
                // come from the wire, and one that did would not be a query a client meant.
                return false;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
