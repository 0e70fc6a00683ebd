package cn.jl.govit.document.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.jl.govit.document.UploadRefusedException;
import cn.jl.govit.rulebook.CitationMessages;

/**
 * A refused upload as problem+json, before the rulebook's catch-all: {@code 413} too large, {@code 415} a type the
 * document kind does not allow, {@code 422} an archive bomb or nested archive; each names the file and the type
 * detected from its bytes ({@code filename}, {@code detectedType}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadProblems {

    private final CitationMessages messages;

    UploadProblems(CitationMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(UploadRefusedException.class)
    ResponseEntity<ProblemDetail> refused(UploadRefusedException e, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        String type = switch (e.status()) {
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> "upload-refused";
        };
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(messages.text(e.status() == 422 ? "document.problem.upload-refused.title"
                : "problem." + type + ".title", locale));
        problem.setDetail(messages.text(e.messageKey(), locale, e.messageArgs()));
        problem.setProperty("filename", e.filename());
        problem.setProperty("detectedType", e.detectedType());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
