package cn.jl.govit.rulebook.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.IntegrityFailureException;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Every refusal of the REST API as an RFC 9457 problem, in the caller's language: {@code 400} with the
 * fields at fault, {@code 404} for what lies outside scope, {@code 409} for a stale version, {@code 422}
 * with the violated rules and their articles. Bad input never reaches a client as a {@code 500}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(0)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final CitationMessages messages;
    private final MessageSource source;

    ApiProblems(CitationMessages messages, MessageSource source) {
        this.messages = messages;
        this.source = source;
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolationException e, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violation", locale);
        problem.setProperty("violations", e.violations().stream().map(v -> messages.view(v, locale)).toList());
        problem.setDetail(e.violations().stream().map(v -> messages.message(v, locale)).reduce((a, b) -> a + "；" + b).orElse(""));
        return respond(problem);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e, Locale locale) {
        return badRequest(e.errors().stream()
                .map(f -> new FieldProblem(f.field(), messages.text(f.messageKey(), locale, f.args().toArray())))
                .toList(), locale);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalidFields(BindException e, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), source.getMessage(f, locale))));
        e.getGlobalErrors().forEach(g -> errors.add(new FieldProblem(g.getObjectName(), source.getMessage(g, locale))));
        return badRequest(errors, locale);
    }

    @ExceptionHandler(RequestValidator.InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(RequestValidator.InvalidRequestException e, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        e.result().getFieldErrors().forEach(f -> errors.add(new FieldProblem(f.getField(), source.getMessage(f, locale))));
        return badRequest(errors, locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, Locale locale) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                new FieldProblem(r.getMethodParameter().getParameterName(), source.getMessage(err, locale)))));
        return badRequest(errors, locale);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalidConstraint(ConstraintViolationException e, Locale locale) {
        return badRequest(e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JacksonException jackson) {
            String field = path(jackson);
            String key;
            Object[] args = {};
            if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                key = "problem.field.enum";
                args = new Object[] {String.join(", ", enumNames(format.getTargetType()))};
            }
            else if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                key = "problem.field.type";
                args = new Object[] {typeName(mismatch.getTargetType(), locale)};
            }
            else {
                key = field.isEmpty() ? "problem.json.malformed" : "problem.field.invalid";
            }
            return badRequest(List.of(new FieldProblem(field.isEmpty() ? "body" : field, messages.text(key, locale, args))), locale);
        }
        return badRequest(List.of(new FieldProblem("body", messages.text("problem.json.malformed", locale))), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e, Locale locale) {
        Class<?> type = e.getRequiredType();
        String text = type != null && type.isEnum()
                ? messages.text("problem.field.enum", locale, String.join(", ", enumNames(type)))
                : messages.text("problem.field.type", locale, typeName(type, locale));
        return badRequest(List.of(new FieldProblem(e.getName(), text)), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, Locale locale) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), messages.text("problem.field.required", locale))), locale);
    }

    /** A path segment that converts to nothing ({@code /projects/%20}): the caller sent no id. */
    @ExceptionHandler(org.springframework.web.bind.MissingPathVariableException.class)
    ResponseEntity<ProblemDetail> missingPathVariable(org.springframework.web.bind.MissingPathVariableException e,
            Locale locale) {
        return badRequest(List.of(new FieldProblem(e.getVariableName(), messages.text("problem.field.required", locale))), locale);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, Locale locale) {
        return badRequest(List.of(new FieldProblem(e.getHeaderName(), messages.text("problem.field.required", locale))), locale);
    }

    @ExceptionHandler(RecordNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RecordNotFoundException e, Locale locale) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", locale));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, Locale locale) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e, Locale locale) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", locale));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException e, Locale locale) {
        return respond(problem(HttpStatus.CONFLICT, "conflict", locale));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, Locale locale) {
        return respond(problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", locale));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, Locale locale) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", locale));
    }

    /**
     * A header value the firewall refuses (control or non-printable characters), found only when a handler reads the
     * headers (springdoc enumerates them all): the request is malformed, not the server.
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e,
            Locale locale) {
        return respond(problem(HttpStatus.BAD_REQUEST, "invalid-input", locale));
    }

    /**
     * A {@code Content-Type} that is no media type at all ({@code garbage}, an unknown charset): read by whoever
     * looks at the header first (a body reader, a resolver), it is as unsupported as a well-formed foreign one.
     */
    @ExceptionHandler(org.springframework.util.InvalidMimeTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(org.springframework.util.InvalidMimeTypeException e, Locale locale) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", locale));
    }

    @ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(org.springframework.http.InvalidMediaTypeException e, Locale locale) {
        return respond(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", locale));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, Locale locale) {
        return respond(problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", locale));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return respond(tooLargeProblem(locale));
    }

    /** {@code 413} naming the field {@code file}: every upload of the API sends its content in that part. */
    ProblemDetail tooLargeProblem(Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", locale);
        problem.setProperty("errors", List.of(new FieldProblem("file", messages.text("problem.too-large.detail", locale))));
        return problem;
    }

    /** A multipart request without the part the endpoint reads ({@code file}): the field is missing. */
    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(org.springframework.web.multipart.support.MissingServletRequestPartException e,
            Locale locale) {
        return badRequest(List.of(new FieldProblem(e.getRequestPartName(), messages.text("problem.field.required", locale))), locale);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, Locale locale) {
        return badRequest(List.of(new FieldProblem("file", messages.text("problem.multipart", locale))), locale);
    }

    @ExceptionHandler(IntegrityFailureException.class)
    ResponseEntity<ProblemDetail> integrity(IntegrityFailureException e, Locale locale) {
        log.error("integrity check failed: {}", e.getMessage());
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "integrity", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        log.error("unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", locale));
    }

    private ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> errors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", locale);
        errors = errors.stream().sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        problem.setProperty("errors", errors);
        problem.setDetail(errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        return respond(problem);
    }

    private ProblemDetail problem(HttpStatus status, String type, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(messages.text("problem." + type + ".title", locale));
        problem.setDetail(messages.text("problem." + type + ".detail", locale));
        return problem;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<String> enumNames(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    private String typeName(Class<?> type, Locale locale) {
        String simple = type == null ? "value" : type.getSimpleName();
        Map<String, String> keys = Map.ofEntries(
                Map.entry("BigDecimal", "number"), Map.entry("Integer", "integer"), Map.entry("int", "integer"),
                Map.entry("Long", "integer"), Map.entry("long", "integer"), Map.entry("Boolean", "boolean"),
                Map.entry("boolean", "boolean"), Map.entry("LocalDate", "date"), Map.entry("UUID", "id"),
                Map.entry("String", "text"), Map.entry("List", "array"), Map.entry("Set", "array"));
        return messages.text("problem.type." + keys.getOrDefault(simple, "object"), locale);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** A field at fault and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
