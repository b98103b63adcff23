package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What every API error must be (docs/api.md): RFC 9457 problem details that keep the old {@code error} member. */
final class ProblemAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemAnswers() {}

    /**
     * Asserts the answer is a problem of {@code status} and {@code kind} ({@code null}: {@code about:blank}) and
     * returns its body.
     */
    static JsonNode problem(ResponseEntity<String> r, int status, String kind) throws IOException {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).as(r.getBody()).isNotNull();
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(r.getHeaders().getContentType().toString())
                .isTrue();
        return problem(r.getBody(), status, kind);
    }

    /** As {@link #problem(ResponseEntity, int, String)} for a body read elsewhere. */
    static JsonNode problem(String text, int status, String kind) throws IOException {
        JsonNode body = JSON.readTree(text);
        assertThat(body.path("type").asText())
                .as(text)
                .isEqualTo(kind == null ? "about:blank" : "urn:athar:problem:" + kind);
        assertThat(body.path("title").asText()).as(text).isNotBlank();
        assertThat(body.path("status").asInt()).as(text).isEqualTo(status);
        assertThat(body.path("detail").asText()).as(text).isNotBlank();
        assertThat(body.path("error").asText())
                .as("error is the same sentence as detail")
                .isEqualTo(body.path("detail").asText());
        assertThat(body.path("instance").asText()).as(text).startsWith("/api");
        return body;
    }
}
