package cn.jl.govit.approval.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.Outlines;
import cn.jl.govit.approval.Submission;
import cn.jl.govit.approval.Submissions;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "submissions", description = "申报材料 Submissions and their formal review against the outlines (Art. 9, 11–13, 17–19, Annexes 1–3)")
class SubmissionApiController {

    private final Submissions submissions;
    private final Outlines outlines;
    private final CitationMessages messages;
    private final RequestValidator validator;

    SubmissionApiController(Submissions submissions, Outlines outlines, CitationMessages messages,
            RequestValidator validator) {
        this.submissions = submissions;
        this.outlines = outlines;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/outlines/{stage}")
    @Operation(summary = "The outline of a stage's submission (Annexes 1–3) with the emergency and cross-department addenda")
    SubmissionView.OutlineView outline(@PathVariable Stage stage) {
        return SubmissionView.OutlineView.of(stage, outlines.of(stage), outlines.emergencyAddendum(),
                outlines.crossDepartmentAddendum());
    }

    @PostMapping("/projects/{id}/submissions")
    @Operation(summary = "The construction unit starts the submission of a stage on the project's path")
    ResponseEntity<SubmissionView> prepare(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmissionRequests.SubmissionBody.class)))
            JsonBody<SubmissionRequests.SubmissionBody> body, Locale locale) {
        submissions.checkMayPrepare(id);
        SubmissionRequests.SubmissionBody request = validator.valid(body);
        if (request.stage() == null) {
            throw new InvalidInputException("stage", "problem.field.required");
        }
        Submission submission = submissions.prepare(id, request.stage(), request.toContent());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id()))
                .eTag(Versions.etag(submission.version())).body(view(submission, locale));
    }

    @PostMapping("/projects/{id}/submissions/offline")
    @Operation(summary = "A classified project files a stage offline: only the carrier reference is recorded (Art. 8)")
    ResponseEntity<OfflineFiling> fileOffline(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = OfflineBody.class)))
            JsonBody<OfflineBody> body) {
        submissions.checkMayPrepare(id);
        OfflineBody request = validator.valid(body);
        Submission submission = submissions.fileOffline(id, request.stage(), request.offlineReference());
        return ResponseEntity.created(URI.create("/api/v1/submissions/" + submission.id()))
                .body(new OfflineFiling(submission.id(), submission.stage(), submission.status().name(),
                        submission.revision(), submissions.offlineReferences(submission.id())));
    }

    record OfflineBody(@jakarta.validation.constraints.NotNull Stage stage,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 200) String offlineReference) {
    }

    record OfflineFiling(UUID id, Stage stage, String status, int revision,
            List<cn.jl.govit.approval.OfflineSubmissions.Reference> offlineReferences) {
    }

    @GetMapping("/projects/{id}/submissions")
    @Operation(summary = "The submissions of a project, in path order, each with its formal review")
    List<SubmissionView> list(@PathVariable UUID id, Locale locale) {
        return submissions.forProject(id).stream().map(s -> view(s, locale)).toList();
    }

    @GetMapping("/submissions/{id}")
    @Operation(summary = "One submission with its formal review as it stands")
    ResponseEntity<SubmissionView> get(@PathVariable UUID id, Locale locale) {
        Submission submission = submissions.get(id);
        return ResponseEntity.ok().eTag(Versions.etag(submission.version())).body(view(submission, locale));
    }

    @PutMapping("/submissions/{id}")
    @Operation(summary = "Replaces the content of a draft or returned submission (version or If-Match)")
    ResponseEntity<SubmissionView> revise(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmissionRequests.SubmissionBody.class)))
            JsonBody<SubmissionRequests.SubmissionBody> body, Locale locale) {
        Submission current = submissions.checkMayEdit(id);
        SubmissionRequests.SubmissionBody request = validator.valid(body);
        if (request.stage() != null && request.stage() != current.stage()) {
            throw new InvalidInputException("stage", "submission.stage.fixed");
        }
        Submission submission = submissions.revise(id, Versions.expected(ifMatch, request.version()), request.toContent());
        return ResponseEntity.ok().eTag(Versions.etag(submission.version())).body(view(submission, locale));
    }

    @PutMapping("/submissions/{id}/chapters/{code}")
    @Operation(summary = "Replaces one chapter or section: its Markdown text, or the reason it does not apply")
    ResponseEntity<SubmissionView> chapter(@PathVariable UUID id, @PathVariable String code,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmissionRequests.ChapterBody.class)))
            JsonBody<SubmissionRequests.ChapterBody> body, Locale locale) {
        submissions.checkMayEdit(id);
        SubmissionRequests.ChapterBody request = validator.valid(body);
        Submission submission = submissions.reviseChapter(id, Versions.expected(ifMatch, request.version()),
                new ChapterEntry(code, request.content(), request.notApplicable() == null ? null : request.notApplicable().strip()));
        return ResponseEntity.ok().eTag(Versions.etag(submission.version())).body(view(submission, locale));
    }

    @PostMapping(path = "/submissions/{id}/docx", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Reads a Word (.docx) report into the chapters; answers the missing chapters and unmatched headings")
    ResponseEntity<SubmissionView.DocxView> docx(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(name = "file", required = false) MultipartFile file, Locale locale) throws IOException {
        submissions.checkMayEdit(id);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "problem.field.required");
        }
        String name = file.getOriginalFilename();
        if (name != null && !name.isBlank() && !name.toLowerCase(Locale.ROOT).endsWith(".docx")) {
            throw new InvalidInputException("file", "submission.docx.invalid");
        }
        Submissions.DocxResult result = submissions.importDocx(id, Versions.expected(ifMatch, null), file.getBytes());
        Submission submission = result.submission();
        return ResponseEntity.ok().eTag(Versions.etag(submission.version()))
                .body(SubmissionView.DocxView.of(view(submission, locale), result.docx()));
    }

    @PostMapping("/submissions/{id}/submit")
    @Operation(summary = "Files the submission (If-Match optional): 200 SUBMITTED when the formal review passes, else 422 naming every missing item")
    ResponseEntity<SubmissionView> submit(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, Locale locale) {
        submissions.checkMayEdit(id);
        Submission submission = submissions.submit(id, Versions.expected(ifMatch, null));
        return ResponseEntity.ok().eTag(Versions.etag(submission.version())).body(view(submission, locale));
    }

    @GetMapping("/submissions/{id}/versions")
    @Operation(summary = "Every filed version of the submission, oldest first")
    List<SubmissionView.VersionView> versions(@PathVariable UUID id) {
        return submissions.versions(id).stream().map(SubmissionView.VersionView::of).toList();
    }

    private SubmissionView view(Submission submission, Locale locale) {
        return SubmissionView.of(submission, submissions.review(submission), messages, locale);
    }
}
