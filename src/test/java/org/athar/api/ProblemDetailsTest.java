package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.athar.engine.EngineStatus;
import org.athar.ingest.ImportLimits;
import org.athar.linkage.NoteRequiredException;
import org.athar.linkage.OverlapTooLargeException;
import org.athar.linkage.RelinkRunningException;
import org.athar.search.BadParameterException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's error handlers on their own (no engine): every failure a controller can meet answers problem details
 * with {@code error} and {@code parameter}, nothing from inside an unexpected failure reaches the caller, and the
 * linkage refusals answer fixed sentences. The same shapes through the running application: ProblemDetailsApiTest.
 */
class ProblemDetailsTest {

    /** A name as it could sit in an exception's message; no answer may carry it. */
    private static final String INSIDE = "Rana Haddad at es-node-3";

    /**
     * Throws what it is told to. An inner class, which component scanning never picks up, so the application under
     * the other tests does not get these endpoints; MockMvc registers it by hand.
     */
    @RestController
    class Failing {

        @GetMapping("/api/v1/failing/state")
        String state() {
            throw new IllegalStateException("invariant broken for " + INSIDE);
        }

        @GetMapping("/api/v1/failing/argument")
        String argument() {
            throw new IllegalArgumentException("no such cluster member " + INSIDE);
        }

        @GetMapping("/api/v1/failing/relink")
        String relink() {
            throw new RelinkRunningException("A full re-link is already running (3 of 9 reports) " + INSIDE);
        }

        @GetMapping("/api/v1/failing/overlap")
        String overlap() {
            throw new OverlapTooLargeException();
        }

        @GetMapping("/api/v1/failing/note")
        String note() {
            throw new NoteRequiredException(true);
        }

        @GetMapping("/api/v1/failing/parameter")
        String parameter() {
            throw new BadParameterException("size", "size '0' is not a whole number from 1 to 1000");
        }

        @GetMapping(value = "/api/v1/failing/typed", produces = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> typed(@RequestParam int n) {
            return ResponseEntity.ok("{}");
        }

        @PostMapping(value = "/api/v1/failing/body", consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<String> body(@RequestBody Map<String, Object> body) {
            return ResponseEntity.ok("{}");
        }

        @GetMapping("/elsewhere/failing")
        String elsewhere() {
            throw new IllegalStateException("not an API address");
        }
    }

    private final EngineStatus engine = mock(EngineStatus.class);
    private MockMvc mvc;

    @BeforeEach
    void handlers() {
        when(engine.isAvailable()).thenReturn(true);
        ImportLimits limits = Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("athar.import", Bindable.of(ImportLimits.class));
        mvc = MockMvcBuilders.standaloneSetup(new Failing())
                .setControllerAdvice(new ApiErrors(), new HttpErrors(limits, engine))
                .build();
    }

    private MvcResult send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    private static JsonNode problem(MvcResult r, int status, String kind) throws Exception {
        assertThat(r.getResponse().getStatus()).isEqualTo(status);
        assertThat(MediaType.parseMediaType(r.getResponse().getContentType())
                        .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(r.getResponse().getContentType())
                .isTrue();
        return ProblemAnswers.problem(r.getResponse().getContentAsString(StandardCharsets.UTF_8), status, kind);
    }

    @Test
    void an_unexpected_failure_is_a_500_with_a_fixed_sentence_and_an_incident_id_and_nothing_from_inside()
            throws Exception {
        for (String path : new String[] {"/api/v1/failing/state", "/api/v1/failing/argument"}) {
            MvcResult r = send(get(path));
            JsonNode body = problem(r, 500, null);
            assertThat(body.get("title").asText()).isEqualTo("Internal Server Error");
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain("Rana")
                    .doesNotContain("es-node")
                    .doesNotContain("Exception")
                    .doesNotContain("invariant")
                    .doesNotContain("cluster member");
            assertThat(body.get("incident").asText()).hasSize(8);
            assertThat(body.get("detail").asText())
                    .startsWith("an internal error occurred; try again")
                    .contains(body.get("incident").asText());
            assertThat(body.get("instance").asText()).isEqualTo(path);
        }
    }

    @Test
    void while_the_engine_is_down_an_unexpected_failure_says_so_with_503() throws Exception {
        when(engine.isAvailable()).thenReturn(false);
        JsonNode body = problem(send(get("/api/v1/failing/state")), 503, "engine-unavailable");
        assertThat(body.get("detail").asText())
                .contains("try again in a minute")
                .doesNotContain("Rana");
    }

    @Test
    void a_running_relink_is_a_409_linkage_conflict_with_a_fixed_sentence() throws Exception {
        JsonNode body = problem(send(get("/api/v1/failing/relink")), 409, "linkage-conflict");
        assertThat(body.get("detail").asText()).isEqualTo(ApiErrors.RELINK_RUNNING);
        assertThat(body.toString()).doesNotContain("3 of 9").doesNotContain("Rana");
    }

    @Test
    void an_overlap_too_large_to_list_is_a_409_linkage_conflict_not_a_500() throws Exception {
        JsonNode body = problem(send(get("/api/v1/failing/overlap")), 409, "linkage-conflict");
        assertThat(body.get("detail").asText()).isEqualTo(ApiErrors.OVERLAP_TOO_LARGE);
        assertThat(body.get("error").asText()).isEqualTo(ApiErrors.OVERLAP_TOO_LARGE);
    }

    @Test
    void a_decision_without_its_note_is_a_400_naming_note() throws Exception {
        JsonNode body = problem(send(get("/api/v1/failing/note")), 400, "bad-parameter");
        assertThat(body.get("parameter").asText()).isEqualTo("note");
        assertThat(body.get("detail").asText()).isEqualTo(ApiErrors.NOTE_FOR_CHANGE);
    }

    @Test
    void a_bad_parameter_keeps_error_and_parameter_beside_the_problem_members() throws Exception {
        JsonNode body = problem(send(get("/api/v1/failing/parameter?size=0")), 400, "bad-parameter");
        assertThat(body.get("title").asText()).isEqualTo("A parameter is not accepted");
        assertThat(body.get("parameter").asText()).isEqualTo("size");
        assertThat(body.get("error").asText()).isEqualTo("size '0' is not a whole number from 1 to 1000");
        assertThat(body.get("instance").asText())
                .as("the path, never the query")
                .isEqualTo("/api/v1/failing/parameter");
    }

    @Test
    void a_missing_or_mistyped_parameter_is_a_400_naming_it_without_echoing_the_value() throws Exception {
        JsonNode missing = problem(send(get("/api/v1/failing/typed")), 400, "bad-parameter");
        assertThat(missing.get("parameter").asText()).isEqualTo("n");
        assertThat(missing.get("detail").asText()).contains("'n' is required").contains("/api-docs.html");
        JsonNode mistyped = problem(send(get("/api/v1/failing/typed?n=Rana")), 400, "bad-parameter");
        assertThat(mistyped.get("parameter").asText()).isEqualTo("n");
        assertThat(mistyped.toString()).doesNotContain("Rana");
    }

    @Test
    void malformed_json_is_a_400_unreadable_body_naming_body() throws Exception {
        JsonNode body = problem(
                send(post("/api/v1/failing/body")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"a\": ")),
                400,
                "unreadable-body");
        assertThat(body.get("parameter").asText()).isEqualTo("body");
        assertThat(body.get("detail").asText()).contains("not the JSON this endpoint expects");
    }

    @Test
    void spring_refusals_405_406_415_are_about_blank_problems_saying_what_the_endpoint_takes() throws Exception {
        MvcResult method = send(put("/api/v1/failing/body")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"));
        JsonNode m = problem(method, 405, null);
        assertThat(m.get("title").asText()).isEqualTo("Method Not Allowed");
        assertThat(m.get("detail").asText()).contains("does not take PUT").contains("POST");
        assertThat(method.getResponse().getHeader(HttpHeaders.ALLOW)).contains("POST");

        JsonNode type = problem(
                send(post("/api/v1/failing/body")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x")),
                415,
                null);
        assertThat(type.get("detail").asText()).contains("text/plain").contains("send application/json");

        JsonNode accept = problem(send(get("/api/v1/failing/typed?n=1").accept("text/csv")), 406, null);
        assertThat(accept.get("detail").asText()).contains("accept application/json");
    }

    @Test
    void other_addresses_keep_springs_own_handling() {
        assertThatThrownBy(() -> send(get("/elsewhere/failing"))).hasRootCauseInstanceOf(IllegalStateException.class);
    }
}
