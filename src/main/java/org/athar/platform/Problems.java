package org.athar.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The API's one error format, RFC 9457 problem details ({@code application/problem+json}, docs/api.md): {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and the members clients read since before problem
 * details, {@code error} (the same sentence as {@code detail}) and {@code parameter} (what was at fault). Used by the
 * MVC error handlers and by the writers outside MVC (security's 401/403, the 404 of unknown addresses), so every
 * error under {@code /api} has the same shape.
 */
public final class Problems {

    /** Builder with Spring's Jackson mix-in, so {@code properties} become top-level members as RFC 9457 wants. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private Problems() {}

    /** An error with an Athar kind; {@code detail} says what went wrong and what to do next. */
    public static ProblemDetail of(HttpStatusCode status, ProblemKind kind, String detail) {
        ProblemDetail problem = of(status, detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        return problem;
    }

    /** An error that its status says all about ({@code about:blank}, the status's reason phrase as title). */
    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(Optional.ofNullable(HttpStatus.resolve(status.value()))
                .map(HttpStatus::getReasonPhrase)
                .orElse("Error " + status.value()));
        problem.setProperty("error", detail);
        return problem;
    }

    /** {@code problem} naming the request parameter, body member or form field at fault. */
    public static ProblemDetail naming(ProblemDetail problem, String parameter) {
        problem.setProperty("parameter", parameter);
        return problem;
    }

    /**
     * The answer of an MVC error handler. The content type is fixed rather than negotiated: a script that asked
     * for CSV or {@code application/json} still gets the error in the one format, never an empty 406.
     */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, HttpServletRequest request) {
        return answer(problem, request, HttpHeaders.EMPTY);
    }

    /** As {@link #answer(ProblemDetail, HttpServletRequest)}, with headers such as {@code Allow} or Retry-After. */
    public static ResponseEntity<ProblemDetail> answer(
            ProblemDetail problem, HttpServletRequest request, HttpHeaders headers) {
        problem.setInstance(instance(request));
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Writes {@code problem} outside Spring MVC (security filters, plain handlers). */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problem.setInstance(instance(request));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The path asked for, never its query: a query may hold a name the caller searched for. None for a path that is
     * no URI (the member is left out).
     */
    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
