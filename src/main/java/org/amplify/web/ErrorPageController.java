package org.amplify.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends every error that no controller handled: a friendly page for
 * people, RFC 9457 problem details for {@code /api/**} and for clients that do not want HTML. Never
 * a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (originalPath(request).startsWith("/api/")) {
            return "forward:/error/problem";
        }
        HttpStatus status = status(request);
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title(status));
        model.addAttribute("explanation", explanation(status));
        return "error/page";
    }

    @RequestMapping({"${server.error.path:/error}", "${server.error.path:/error}/problem"})
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, explanation(status));
        String path = originalPath(request);
        if (!path.isEmpty()) {
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String originalPath(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? "" : uri.toString();
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.NOT_FOUND; // /error asked for directly: there is nothing here
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case UNAUTHORIZED -> "Please sign in";
            case BAD_REQUEST -> "That request was not understood";
            default -> status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
        };
    }

    private static String explanation(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address. It may have been removed, or the link is mistyped.";
            case FORBIDDEN -> "Your roles do not allow this. An admin can give you another role.";
            case UNAUTHORIZED -> "You need to sign in first.";
            case BAD_REQUEST -> "Some of what was sent is invalid. Go back, check the form and try again.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
            default -> status.is5xxServerError()
                    ? "The error was logged. Try again; if it persists, tell an admin what you were doing."
                    : status.getReasonPhrase();
        };
    }
}
