package org.athar.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.athar.AtharIntegrationTest;
import org.athar.report.PerpetratorCategory;
import org.athar.report.Vocabulary;
import org.athar.search.Dimension;
import org.athar.security.AuditAction;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The served {@code /v3/api-docs} is a valid OpenAPI document that a client generator or the Swagger UI can use as
 * it is: every operation says how to sign in and what its errors look like, and every endpoint lists exactly the
 * query parameters it accepts, asked of the running endpoint itself.
 */
class OpenApiDocumentTest extends AtharIntegrationTest {

    /** A name no endpoint accepts: an endpoint that reads its whole query string answers 400 listing its names. */
    private static final String UNKNOWN = "athar_no_such_parameter";

    private final ObjectMapper json = new ObjectMapper();

    private SwaggerParseResult parsed() throws Exception {
        ResponseEntity<String> served = http.getForEntity("/v3/api-docs", String.class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return new OpenAPIV3Parser().readContents(served.getBody(), null, options);
    }

    private OpenAPI document() throws Exception {
        return parsed().getOpenAPI();
    }

    private void forEachApiOperation(OpenAPI api, BiConsumer<String, Operation> check) {
        api.getPaths().forEach((path, item) -> {
            assertThat(path).startsWith("/api/");
            item.readOperationsMap().forEach((method, operation) -> check.accept(method + " " + path, operation));
        });
    }

    @Test
    void the_served_document_passes_an_openapi_parser_without_a_single_message() throws Exception {
        SwaggerParseResult result = parsed();
        assertThat(result.getMessages()).isEmpty();
        assertThat(new OpenAPIParser()
                        .readContents(
                                http.getForEntity("/v3/api-docs", String.class).getBody(), null, new ParseOptions())
                        .getMessages())
                .isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getInfo().getTitle()).isEqualTo("Athar API");
        assertThat(api.getInfo().getVersion()).isNotBlank().doesNotContain("@").isNotEqualTo("v0");
        assertThat(api.getInfo().getLicense().getName()).isEqualTo("Apache-2.0");
        assertThat(api.getInfo().getDescription()).isNotBlank();
        assertThat(api.getPaths()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void every_operation_can_be_signed_in_to_with_an_api_token_or_http_basic() throws Exception {
        OpenAPI api = document();
        Map<String, SecurityScheme> schemes = api.getComponents().getSecuritySchemes();
        assertThat(schemes.get("basic").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("basic").getScheme()).isEqualTo("basic");
        assertThat(schemes.get("bearer").getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(schemes.get("bearer").getScheme()).isEqualTo("bearer");
        forEachApiOperation(api, (call, operation) -> {
            List<SecurityRequirement> needed =
                    operation.getSecurity() == null ? api.getSecurity() : operation.getSecurity();
            assertThat(needed)
                    .as(call)
                    .extracting(r -> r.keySet())
                    .containsExactlyInAnyOrder(Set.of("bearer"), Set.of("basic"));
        });
    }

    @Test
    void every_operation_documents_its_errors_as_problem_details() throws Exception {
        OpenAPI api = document();
        forEachApiOperation(api, (call, operation) -> {
            Map<String, ApiResponse> answers = operation.getResponses();
            assertThat(answers).as(call).containsKeys("401", "403", "429", "503");
            List<Parameter> parameters = parameters(operation);
            if (!parameters.isEmpty() || operation.getRequestBody() != null) {
                assertThat(answers).as(call + " reads parameters or a body").containsKey("400");
            }
            if (parameters.stream()
                    .anyMatch(p -> "path".equals(p.getIn()) && ProblemResponses.IDENTIFIERS.contains(p.getName()))) {
                assertThat(answers).as(call + " takes an id").containsKey("404");
            }
            if (operation.getRequestBody() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                assertThat(answers).as(call + " takes an upload").containsKeys("413", "415");
            }
            answers.forEach((status, answer) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    assertThat(answer.getDescription()).as(call + " " + status).isNotBlank();
                    Schema<?> problem =
                            answer.getContent().get("application/problem+json").getSchema();
                    assertThat(problem.getProperties())
                            .as(call + " " + status)
                            .containsKeys("type", "title", "status", "detail", "instance", "error", "parameter");
                }
            });
        });
    }

    @Test
    void no_parameter_or_body_is_an_untyped_map() throws Exception {
        OpenAPI api = document();
        forEachApiOperation(api, (call, operation) -> {
            for (Parameter p : parameters(operation)) {
                assertThat(p.getName()).as(call).isNotEqualTo("params");
                assertThat(p.getSchema()).as(call + " " + p.getName()).isNotNull();
                assertThat(type(p.getSchema())).as(call + " " + p.getName()).isNotEqualTo("object");
            }
            if (operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().forEach((type, media) -> {
                    Schema<?> schema = media.getSchema();
                    if ("object".equals(type(schema))) {
                        assertThat(schema.getProperties())
                                .as(call + " body " + type + " names its members")
                                .isNotEmpty();
                    }
                });
            }
        });
        JsonNode problem = json.readTree(
                        http.getForEntity("/v3/api-docs", String.class).getBody())
                .at("/components/schemas/Problem");
        assertThat(problem.path("additionalProperties").asBoolean())
                .as("Problem admits further members")
                .isTrue();
        Operation patch = api.getPaths().get("/api/v1/admin/users/{username}").getPatch();
        Schema<?> change =
                patch.getRequestBody().getContent().get("application/json").getSchema();
        assertThat(change.getProperties()).containsOnlyKeys("roles", "enabled", "password", "twoFactor");
        assertThat(type(change.getProperties().get("enabled"))).isEqualTo("boolean");
        assertThat(type(change.getProperties().get("password"))).isEqualTo("string");
        assertThat(change.getProperties().get("roles").getItems().getEnum())
                .containsExactlyInAnyOrder("ADMIN", "ANALYST", "WRITER", "ADVOCACY");
        assertThat(json.readTree(http.getForEntity("/v3/api-docs", String.class).getBody())
                        .at("/components/schemas/UserChange/additionalProperties")
                        .isBoolean())
                .as("a member not listed is refused")
                .isTrue();
        Schema<?> report = api.getPaths()
                .get("/api/v1/reports/{id}")
                .getGet()
                .getResponses()
                .get("200")
                .getContent()
                .get("application/json")
                .getSchema();
        assertThat(report.getProperties()).containsKeys("id", "identities_withheld", "victim", "provenance");
    }

    @Test
    void each_endpoint_documents_exactly_the_query_parameters_it_accepts() throws Exception {
        OpenAPI api = document();
        Map<String, List<String>> checked = new LinkedHashMap<>();
        for (var path : api.getPaths().entrySet()) {
            Operation get = path.getValue().getGet();
            if (get == null) {
                continue;
            }
            List<String> documented = parameters(get).stream()
                    .filter(p -> "query".equals(p.getIn()))
                    .map(Parameter::getName)
                    .toList();
            ResponseEntity<String> answer =
                    http.getForEntity(concrete(path.getKey()) + "?" + UNKNOWN + "=1", String.class);
            JsonNode error = answer.getStatusCode().value() == 400 ? json.readTree(answer.getBody()) : json.nullNode();
            if (!UNKNOWN.equals(error.path("parameter").asText())) {
                // Spring binds this endpoint's parameters one by one and ignores other names: springdoc lists them.
                continue;
            }
            String message = error.path("error").asText();
            List<String> accepted =
                    Arrays.asList(message.substring(message.indexOf("accepted: ") + "accepted: ".length())
                            .split(", "));
            assertThat(documented)
                    .as("GET " + path.getKey() + ": the documented query parameters are the names it accepts")
                    .isEqualTo(accepted);
            checked.put(path.getKey(), accepted);
            for (Parameter p : parameters(get)) {
                if ("query".equals(p.getIn())) {
                    assertThat(p.getDescription())
                            .as(path.getKey() + " " + p.getName() + " is described (QueryParameterDocs)")
                            .isNotBlank();
                    assertThat(p.getSchema())
                            .as(path.getKey() + " " + p.getName())
                            .isNotNull();
                    assertThat(p.getExample())
                            .as(path.getKey() + " " + p.getName())
                            .isNotNull();
                }
            }
        }
        assertThat(checked)
                .containsOnlyKeys(
                        "/api/v1/reports",
                        "/api/v1/stats/{dimension}",
                        "/api/v1/stats/crosstab",
                        "/api/v1/stats/dashboard",
                        "/api/v1/exports/records.csv",
                        "/api/v1/exports/records.jsonl",
                        "/api/v1/exports/workbook.xlsx",
                        "/api/v1/charts/{chart}.{format}",
                        "/api/v1/admin/audit",
                        "/api/v1/admin/audit.csv");
    }

    @Test
    void vocabulary_filters_are_arrays_of_the_vocabulary_codes() throws Exception {
        OpenAPI api = document();
        Map<String, Parameter> byName = new LinkedHashMap<>();
        parameters(api.getPaths().get("/api/v1/reports").getGet()).forEach(p -> byName.put(p.getName(), p));
        Parameter perpetrator = byName.get("perpetrator");
        assertThat(type(perpetrator.getSchema())).isEqualTo("array");
        assertThat(perpetrator.getExplode()).isTrue();
        assertThat(perpetrator.getStyle()).isEqualTo(Parameter.StyleEnum.FORM);
        assertThat(perpetrator.getSchema().getItems().getEnum())
                .containsExactlyElementsOf(Arrays.stream(PerpetratorCategory.values())
                        .map(Vocabulary::code)
                        .toList());
        assertThat(byName.get("governorate").getSchema().getItems().getEnum())
                .contains("SY01", "SY14", "unknown")
                .hasSize(15);
        Map<String, Parameter> chart = new LinkedHashMap<>();
        parameters(api.getPaths().get("/api/v1/charts/{chart}.{format}").getGet())
                .forEach(p -> chart.put(p.getName(), p));
        assertThat(chart.get("by").getSchema().getEnum())
                .containsExactlyElementsOf(Arrays.stream(Dimension.values())
                        .map(Dimension::parameter)
                        .toList());
        Map<String, Parameter> audit = new LinkedHashMap<>();
        parameters(api.getPaths().get("/api/v1/admin/audit").getGet()).forEach(p -> audit.put(p.getName(), p));
        assertThat(audit.get("action").getSchema().getEnum())
                .containsExactlyElementsOf(Arrays.stream(AuditAction.values())
                        .map(AuditAction::code)
                        .toList());
        assertThat(audit.get("from").getDescription()).contains("instant");
    }

    @Test
    void an_unknown_report_is_still_a_404_naming_the_id_now_that_the_answer_is_typed() throws Exception {
        ResponseEntity<String> answer = http.getForEntity("/api/v1/reports/no-such-report", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        JsonNode error = json.readTree(answer.getBody());
        assertThat(error.path("parameter").asText()).isEqualTo("id");
        assertThat(error.path("error").asText())
                .isEqualTo("no report with id no-such-report; find a report's id with GET /api/v1/reports");
        assertThat(error.path("type").asText()).isEqualTo("urn:athar:problem:not-found");
    }

    /** The schema's type, as OpenAPI 3.0 ({@code type}) or 3.1 (a set of types) writes it. */
    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        return schema.getTypes() == null || schema.getTypes().size() != 1
                ? null
                : schema.getTypes().iterator().next();
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : new ArrayList<>(operation.getParameters());
    }

    /** A path with its variables filled so that the endpoint reaches its parameter check. */
    private static String concrete(String template) {
        return template.replace("{dimension}", "governorate")
                .replace("{chart}", "timeline")
                .replace("{format}", "svg")
                .replaceAll("\\{[^}]+}", "no-such-thing");
    }
}
