package dev.orderclock.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpHeaders;

/** What the server answered. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    /** A top-level text field, e.g. {@code id} or {@code status}. */
    public String text(String field) {
        return json().path(field).asText(null);
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }
}
