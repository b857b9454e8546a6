package dev.orderclock.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The error page for what never reached a controller (an error raised by the servlet container or a
 * filter): a problem document too, in place of Spring Boot's default error JSON.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 404;
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type.type());
        problem.setTitle(type.title());
        problem.setDetail(
                status == 404 && code == null
                        ? "no endpoint " + request.getMethod() + " " + request.getRequestURI()
                        : "the request could not be handled");
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            try {
                problem.setInstance(new URI(uri));
            } catch (URISyntaxException e) {
                // the container let through a path that is not a URI: leave the instance out
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
