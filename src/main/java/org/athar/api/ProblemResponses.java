package org.athar.api;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The error answers of the API in its OpenAPI document: the {@code Problem} schema (RFC 9457 problem details with
 * Athar's {@code error} and {@code parameter} members) and, on every operation, the 4xx and 5xx answers it can give.
 * Which ones follow from what the operation takes: parameters or a body (400), an identifier in the path (404), an
 * upload (413, 415); the rest apply to every operation under {@code /api}.
 */
final class ProblemResponses {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Path parameters that name a stored thing: an unknown one is a 404 (others, e.g. a chart kind, are a 400). */
    static final Set<String> IDENTIFIERS = Set.of("id", "reportId", "batchId", "name", "username");

    /** Operations that refuse a request because of what is stored (a last administrator, a running job): 409. */
    private static final Set<String> CONFLICTS = Set.of(
            "POST /api/v1/admin/users",
            "POST /api/v1/admin/recipients",
            "POST /api/v1/admin/senders",
            "PATCH /api/v1/admin/users/{username}",
            "POST /api/v1/admin/backups",
            "POST /api/v1/admin/backups/{name}/restore",
            "POST /api/v1/linkage/pairs/{id}/decision",
            "POST /api/v1/linkage/relink",
            "GET /api/v1/linkage/overlap",
            "GET /api/v1/linkage/overlap.xlsx",
            "POST /api/v1/sharing/packages/{id}/send");

    private static final String CHARTS = "GET /api/v1/charts/{chart}.{format}";

    private ProblemResponses() {}

    /** Adds the schema, the shared responses and each operation's error answers to {@code api}. */
    static void addTo(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        responses().forEach(api.getComponents()::addResponses);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> addTo(method + " " + path, operation)));
    }

    private static void addTo(String call, Operation operation) {
        ApiResponses answers = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (!parameters.isEmpty() || body) {
            answers.putIfAbsent("400", reference("BadRequest"));
        }
        answers.putIfAbsent("401", reference("Unauthorized"));
        answers.putIfAbsent("403", reference("Forbidden"));
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()) && IDENTIFIERS.contains(p.getName()))) {
            answers.putIfAbsent("404", reference("NotFound"));
        }
        if (CONFLICTS.contains(call)) {
            answers.putIfAbsent("409", reference("Conflict"));
        }
        if (body) {
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                answers.putIfAbsent("413", reference("PayloadTooLarge"));
            }
            answers.putIfAbsent("415", reference("UnsupportedMediaType"));
        }
        answers.putIfAbsent("429", reference(call.equals(CHARTS) ? "TooManyCharts" : "TooManySignIns"));
        answers.putIfAbsent("503", reference("Unavailable"));
    }

    private static ApiResponse reference(String name) {
        return new ApiResponse().$ref("#/components/responses/" + name);
    }

    private static Map<String, ApiResponse> responses() {
        Map<String, ApiResponse> all = new LinkedHashMap<>();
        all.put(
                "BadRequest",
                problem("A parameter or body member is missing, unknown or has a value not accepted; 'parameter' "
                        + "names it and the message says what is accepted."));
        all.put(
                "Unauthorized",
                problem("Not signed in, or the credentials were refused: send an API token (Authorization: Bearer "
                        + "athar_...) or, for accounts without two-step sign-in, HTTP Basic."));
        all.put(
                "Forbidden",
                problem("The role lacks the permission this needs (the answer names it), or a role without "
                        + "SEE_IDENTITIES asked for names (q, sort=name)."));
        all.put("NotFound", problem("Nothing is stored under the identifier in the path; 'parameter' names it."));
        all.put("Conflict", problem("What is stored does not allow it now (see the operation's description)."));
        all.put(
                "PayloadTooLarge",
                problem("The file is larger than the largest upload Athar accepts (athar.import.max-file-size)."));
        all.put("UnsupportedMediaType", problem("The body is not of the media type this operation reads."));
        all.put(
                "TooManySignIns",
                retryAfter(problem("Too many failed sign-ins for this username from this address: wait the seconds "
                        + "of Retry-After.")));
        all.put(
                "TooManyCharts",
                retryAfter(problem("This user has two charts being drawn already, or too many failed sign-ins: "
                        + "wait the seconds of Retry-After.")));
        all.put(
                "Unavailable",
                problem("The search engine (Elasticsearch), or the store this needs, is not answering; nothing "
                        + "stored is lost; try again in a minute."));
        return all;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static ApiResponse retryAfter(ApiResponse response) {
        return response.addHeaderObject(
                "Retry-After",
                new Header().description("Seconds to wait before trying again").schema(new IntegerSchema()));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema problem = new ObjectSchema();
        problem.description("An error as RFC 9457 problem details, with Athar's own members error and parameter "
                + "(kept for clients written before problem details) and any member the error carries, e.g. batchId.");
        StringSchema type = new StringSchema();
        type.format("uri-reference");
        type.description("about:blank, or urn:athar:problem:<kind> for Athar's own kinds (docs/api.md)");
        type.setDefault("about:blank");
        problem.addProperty("type", type);
        problem.addProperty("title", new StringSchema().description("The HTTP status phrase, e.g. Bad Request"));
        problem.addProperty(
                "status",
                new IntegerSchema().description("The HTTP status code").example(400));
        problem.addProperty(
                "detail", new StringSchema().description("What went wrong and what to do next, one sentence"));
        StringSchema instance = new StringSchema();
        instance.format("uri-reference");
        instance.description("The path of the request that failed");
        problem.addProperty("instance", instance);
        problem.addProperty("error", new StringSchema().description("The same sentence as detail"));
        problem.addProperty(
                "parameter",
                new StringSchema().description("The request parameter or body member at fault, when there is one"));
        problem.additionalProperties(true);
        return problem;
    }
}
