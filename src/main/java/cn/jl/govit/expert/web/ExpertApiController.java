package cn.jl.govit.expert.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.expert.Expert;
import cn.jl.govit.expert.ExpertContact;
import cn.jl.govit.expert.ExpertPool;
import cn.jl.govit.expert.ReviewPanels;
import cn.jl.govit.expert.web.ExpertViews.ContactView;
import cn.jl.govit.expert.web.ExpertViews.ExpertView;
import cn.jl.govit.expert.web.ExpertViews.ReviewView;
import cn.jl.govit.rulebook.JsonBody;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.Versions;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "expert review", description = "专家评审 Expert pool, the experts' reviews and opinions (Art. 10, 13 (3))")
class ExpertApiController {

    private final ExpertPool pool;
    private final ReviewPanels panels;
    private final RequestValidator validator;

    ExpertApiController(ExpertPool pool, ReviewPanels panels, RequestValidator validator) {
        this.pool = pool;
        this.panels = panels;
        this.validator = validator;
    }

    @GetMapping("/experts")
    @Operation(summary = "The expert pool (administrator, Digital Bureau and DRC approvers)")
    List<ExpertView> experts() {
        return pool.all().stream().map(ExpertView::of).toList();
    }

    @GetMapping("/experts/{username}")
    @Operation(summary = "One pool member")
    ResponseEntity<ExpertView> expert(@PathVariable String username) {
        Expert expert = pool.get(username);
        return ResponseEntity.ok().eTag(Versions.etag(expert.version())).body(ExpertView.of(expert));
    }

    @PostMapping("/experts")
    @Operation(summary = "Enrols a user with the role EXPERT in the pool, with its fields of expertise")
    ResponseEntity<ExpertView> enroll(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequests.EnrollExpert.class)))
            JsonBody<ExpertRequests.EnrollExpert> body) {
        pool.checkMayManage();
        ExpertRequests.EnrollExpert request = validator.valid(body);
        Expert expert = pool.enroll(request.username(), request.fields(), !Boolean.FALSE.equals(request.active()));
        return ResponseEntity.created(URI.create("/api/v1/experts/" + expert.username()))
                .eTag(Versions.etag(expert.version())).body(ExpertView.of(expert));
    }

    @PutMapping("/experts/{username}")
    @Operation(summary = "Changes an expert's fields or takes the expert out of the draws (active = false)")
    ResponseEntity<ExpertView> update(@PathVariable String username,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequests.UpdateExpert.class)))
            JsonBody<ExpertRequests.UpdateExpert> body) {
        pool.get(username);
        ExpertRequests.UpdateExpert request = validator.valid(body);
        Expert expert = pool.update(username, request.fields(), request.active(), Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(expert.version())).body(ExpertView.of(expert));
    }

    @GetMapping("/experts/{username}/contact")
    @Operation(summary = "An expert's ID number and phone in full, opened from their SM4 seal (those who manage the pool)")
    ResponseEntity<ContactView> contact(@PathVariable String username) {
        ExpertContact contact = pool.contact(username);
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(ContactView.of(contact));
    }

    @PutMapping("/experts/{username}/contact")
    @Operation(summary = "Sets an expert's ID number (unique in the pool) and phone; blank removes; stored sealed with SM4-GCM")
    ResponseEntity<ContactView> changeContact(@PathVariable String username,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequests.ChangeContact.class)))
            JsonBody<ExpertRequests.ChangeContact> body) {
        pool.get(username);
        ExpertRequests.ChangeContact request = validator.valid(body);
        ExpertContact contact = pool.changeContact(username, request.idNumber(), request.phone(),
                Versions.expected(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(Versions.etag(contact.version())).body(ContactView.of(contact));
    }

    @PostMapping("/experts/lookup")
    @Operation(summary = "Finds the pool member with an ID number through its blind index (HMAC-SM3); 404 if none")
    ResponseEntity<ExpertView> lookup(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequests.LookupExpert.class)))
            JsonBody<ExpertRequests.LookupExpert> body) {
        pool.checkMayManage();
        ExpertRequests.LookupExpert request = validator.valid(body);
        Expert expert = pool.findByIdNumber(request.idNumber())
                .orElseThrow(() -> new RecordNotFoundException("Expert", "by ID number"));
        return ResponseEntity.ok().eTag(Versions.etag(expert.version())).body(ExpertView.of(expert));
    }

    @GetMapping("/me/reviews")
    @Operation(summary = "The signed-in expert's reviews, open ones first (experts only)")
    List<ReviewView> myReviews() {
        return panels.myReviews().stream().map(ReviewView::of).toList();
    }

    @GetMapping("/reviews/{id}")
    @Operation(summary = "One review, for its assigned expert (anyone else: 404)")
    ResponseEntity<ReviewView> review(@PathVariable UUID id) {
        var review = panels.myReview(id);
        return ResponseEntity.ok().eTag(Versions.etag(review.version())).body(ReviewView.of(review));
    }

    @PutMapping("/reviews/{id}/opinion")
    @Operation(summary = "The assigned expert files the opinion on the five aspects of Art. 10; it closes the review "
            + "(missing aspect: 422 ART-10 / ART-13-3; filed already: 409)")
    ResponseEntity<ReviewView> fileOpinion(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ExpertRequests.FileOpinion.class)))
            JsonBody<ExpertRequests.FileOpinion> body) {
        panels.myReview(id);
        ExpertRequests.FileOpinion request = validator.valid(body);
        var review = panels.fileOpinion(id, Versions.expected(ifMatch, request.version()), request.toOpinion());
        return ResponseEntity.ok().eTag(Versions.etag(review.version())).body(ReviewView.of(review));
    }
}
