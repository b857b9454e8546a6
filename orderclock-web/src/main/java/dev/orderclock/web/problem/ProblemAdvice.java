package dev.orderclock.web.problem;

import dev.orderclock.stock.DuplicateSkuException;
import dev.orderclock.store.StoreException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Turns every refusal and failure into an RFC 9457 problem document ({@code application/problem+json}):
 * the API's own ({@link ProblemException}, the stores' typed refusals) and Spring MVC's (unreadable
 * body, invalid fields, unknown path, wrong method).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.type() == ProblemType.UNAUTHENTICATED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"orderclock\"");
        }
        return problem(e.toProblemDetail(), headers);
    }

    @ExceptionHandler(DuplicateSkuException.class)
    ResponseEntity<Object> skuExists(DuplicateSkuException e) {
        return refused(new ProblemException(ProblemType.SKU_EXISTS, e.getMessage()));
    }

    /** The store says what kind of failure it was; which database codes mean what is the jdbc module's business. */
    @ExceptionHandler(StoreException.class)
    ResponseEntity<Object> databaseFailed(StoreException e) {
        if (e.kind() == StoreException.Kind.VALUE_DOES_NOT_FIT) {
            return refused(
                    ProblemException.invalid("a value, such as the order's total, is larger than the shop can store"));
        }
        if (e.kind() == StoreException.Kind.BUSY) {
            log.warn("database call gave up waiting: {}", e.getMessage());
        } else {
            log.error("database call failed", e);
        }
        return refused(
                new ProblemException(ProblemType.UNAVAILABLE, "the database did not answer; nothing was changed"));
    }

    /**
     * A body over the limit: declared so ({@link BodySizeLimitFilter}), or met by a controller that reads the
     * request stream itself (the payment notifications). Bad input, not an error to log.
     */
    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        return refused(
                new ProblemException(ProblemType.BODY_TOO_LARGE, "the request body is over " + e.limit() + " bytes")
                        .with("limit", e.limit()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e) {
        log.error("request failed", e);
        return refused(new ProblemException(ProblemType.INTERNAL_ERROR, "the request failed on the server"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyTooLargeException tooLarge = UnreadableBody.find(e, BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        return refused(ProblemException.invalid(UnreadableBody.describe(e.getCause())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(FieldError::getField)
                .distinct()
                .sorted()
                .map(field -> field + " "
                        + e.getBindingResult().getFieldErrors(field).stream()
                                .map(DefaultMessageSourceResolvable::getDefaultMessage)
                                .sorted()
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return refused(ProblemException.invalid(detail.isEmpty() ? "the body is invalid" : detail));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + " " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return refused(ProblemException.invalid(detail));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? "of another type"
                : type.isEnum()
                        ? "one of "
                                + Arrays.stream(type.getEnumConstants())
                                        .map(Object::toString)
                                        .collect(Collectors.joining(", "))
                        : Number.class.isAssignableFrom(type) || type == int.class || type == long.class
                                ? "an integer"
                                : "of another type";
        return refused(ProblemException.invalid(name + " must be " + expected));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return refused(new ProblemException(
                ProblemType.NOT_FOUND, "no endpoint " + e.getHttpMethod() + " /" + e.getResourcePath()));
    }

    /** Spring's own problems (wrong method, bad parameter...) get the API's types and content type. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
                ProblemType type = ProblemType.forStatus(status.value());
                problem.setType(type.type());
                problem.setTitle(type.title());
            }
            return problem(problem, headers);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Always {@code application/problem+json}, even to a client that only accepts {@code application/json}. */
    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        if (headers != null) {
            all.putAll(headers);
        }
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(all).body(problem);
    }
}
