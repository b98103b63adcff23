package org.athar.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.athar.engine.EngineStatus;
import org.athar.ingest.ImportLimits;
import org.athar.platform.ProblemKind;
import org.athar.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Problem details (docs/api.md) for Spring's own refusals under {@code /api} (405, 406, 415, 413, unreadable JSON, a
 * missing or mistyped parameter) and for everything unexpected, with a sentence that says what to do next. Not tied
 * to the API's controllers like {@link ApiErrors}: a 405 or 415 is decided before any controller is chosen. Any
 * other address keeps Spring's handling: the exception is thrown on, which hands it to the next resolver.
 *
 * <p>Unexpected failures answer a fixed sentence with an incident id; their text and stack trace go to the server
 * log only, under that id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class HttpErrors {

    private static final Logger log = LoggerFactory.getLogger(HttpErrors.class);

    static final String ENGINE_UNAVAILABLE = "the search engine (Elasticsearch) is not answering, so Athar cannot "
            + "read or store reports right now; nothing stored is lost and Athar reconnects by itself when the engine "
            + "is back (GET /actuator/health says UP); try again in a minute";

    static final String DOCS = "the endpoints, their methods, parameters and bodies are listed at /api-docs.html";

    private final ImportLimits limits;
    private final EngineStatus engine;

    HttpErrors(ImportLimits limits, EngineStatus engine) {
        this.limits = limits;
        this.engine = engine;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request)
            throws MissingServletRequestPartException {
        String part = api(request, e).getRequestPartName();
        return bad(
                request,
                ProblemKind.BAD_PARAMETER,
                "multipart field '" + part + "' is required; send it in a multipart/form-data body",
                part);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(
            MissingServletRequestParameterException e, HttpServletRequest request)
            throws MissingServletRequestParameterException {
        String name = api(request, e).getParameterName();
        return bad(
                request,
                ProblemKind.BAD_PARAMETER,
                "parameter '" + name + "' is required; add it (" + DOCS + ")",
                name);
    }

    /** The value is not echoed: it may be text the caller would not want in a log or a screenshot. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request)
            throws MethodArgumentTypeMismatchException {
        String name = api(request, e).getName();
        String type = e.getRequiredType() == null
                ? "value"
                : e.getRequiredType().getSimpleName().toLowerCase(Locale.ROOT);
        return bad(
                request,
                ProblemKind.BAD_PARAMETER,
                name + " is not a valid " + type + "; correct it (" + DOCS + ")",
                name);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request)
            throws HttpMessageNotReadableException {
        api(request, e);
        return bad(
                request,
                ProblemKind.UNREADABLE_BODY,
                "the request body is not the JSON this endpoint expects; check its syntax and members (" + DOCS + ")",
                "body");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        api(request, e);
        return Problems.answer(
                Problems.naming(
                        Problems.of(
                                HttpStatus.PAYLOAD_TOO_LARGE,
                                ProblemKind.UPLOAD_TOO_LARGE,
                                "the file is larger than " + limits.maxFileSizeText()
                                        + ", the largest upload Athar accepts (setting athar.import.max-file-size); "
                                        + "split it into smaller files or ask an administrator to raise the limit"),
                        "file"),
                request);
    }

    /**
     * A parameter (or header) holds a character the server refuses, such as NUL: a 400 naming the parameter as the
     * client wrote it, with a fixed sentence that does not repeat the character.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejectedRequest(RequestRejectedException e, HttpServletRequest request) {
        api(request, e);
        log.info("Refused a request with a character the firewall does not accept: {}", e.getMessage());
        return ApiParameters.refusedParameter(request.getQueryString())
                .map(name -> bad(
                        request,
                        ProblemKind.BAD_PARAMETER,
                        "a parameter's name or value holds a character Athar does not accept (a control character "
                                + "such as NUL); remove it and send the request again",
                        name))
                .orElseGet(() -> Problems.answer(
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                ProblemKind.BAD_PARAMETER,
                                "the request holds a character Athar does not accept (a control character such as "
                                        + "NUL) in a parameter or a header; remove it and send the request again"),
                        request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        api(request, e);
        if (e instanceof ErrorResponse known) {
            // Spring's own (405, 406, 415, …): its status and headers (Allow, Accept, …) and a sentence of ours.
            return Problems.answer(
                    Problems.of(known.getStatusCode(), spring(known, request)), request, known.getHeaders());
        }
        if (!engine.isAvailable()) {
            // Whatever broke, it broke because the engine is down: say so instead of "internal error".
            log.warn("API request failed while the engine is down: {}", e.toString());
            return Problems.answer(
                    Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemKind.ENGINE_UNAVAILABLE, ENGINE_UNAVAILABLE),
                    request);
        }
        if (e instanceof IOException) {
            log.warn("I/O failure answering an API request: {}", e.toString());
            return Problems.answer(
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            ProblemKind.ENGINE_UNAVAILABLE,
                            "the search engine or the connection failed; try again in a minute"),
                    request);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Unexpected failure answering {} {} (incident {})",
                request.getMethod(),
                request.getRequestURI(),
                incident,
                e);
        ProblemDetail problem = Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "an internal error occurred; try again, and if it happens again give an administrator the incident "
                        + "id " + incident + ", under which the server log holds the details");
        problem.setProperty("incident", incident);
        return Problems.answer(problem, request);
    }

    /** Spring's refusals in a sentence that names what the endpoint does take. */
    private static String spring(ErrorResponse e, HttpServletRequest request) {
        String what = request.getMethod() + " " + request.getRequestURI();
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            return what + ": this address does not take " + m.getMethod()
                    + (m.getSupportedHttpMethods() == null ? "" : "; it takes " + joined(m.getSupportedHttpMethods()))
                    + " (" + DOCS + ")";
        }
        if (e instanceof HttpMediaTypeNotSupportedException m) {
            return what + ": "
                    + (m.getContentType() == null
                            ? "the body has no Content-Type"
                            : "a body of type " + m.getContentType() + " is not accepted")
                    + "; send " + joined(m.getSupportedMediaTypes()) + " (" + DOCS + ")";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException m) {
            return what + ": the answer can be none of the types the Accept header asks for; accept "
                    + joined(m.getSupportedMediaTypes()) + " or */*";
        }
        String detail = e.getBody().getDetail();
        return what + ": " + (detail == null ? e.getStatusCode().toString() : detail) + "; " + DOCS;
    }

    private static String joined(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static ResponseEntity<ProblemDetail> bad(
            HttpServletRequest request, ProblemKind kind, String sentence, String parameter) {
        return Problems.answer(
                Problems.naming(Problems.of(HttpStatus.BAD_REQUEST, kind, sentence), parameter), request);
    }

    /**
     * {@code e} when the request is under {@code /api}; otherwise thrown on, so Spring handles it as it would
     * without this class (the web application, the actuator and the OpenAPI document keep their own answers).
     */
    private static <E extends Exception> E api(HttpServletRequest request, E e) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return e;
        }
        throw e;
    }
}
