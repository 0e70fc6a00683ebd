package cn.jl.govit.approval.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.approval.AttachmentRef;
import cn.jl.govit.approval.ChapterEntry;
import cn.jl.govit.approval.ExtraPermit;
import cn.jl.govit.approval.InformationResource;
import cn.jl.govit.approval.PermitType;
import cn.jl.govit.approval.ShareType;
import cn.jl.govit.approval.SubmissionContent;
import cn.jl.govit.project.Stage;

/** Request bodies of the submission API; chapter texts up to 200,000 characters each. */
final class SubmissionRequests {

    private SubmissionRequests() {
    }

    record Chapter(
            @NotBlank @Size(max = 16) String code,
            @Size(max = ChapterEntry.MAX_CONTENT) String content,
            @Size(max = 2000) String notApplicable) {

        ChapterEntry toEntry() {
            return new ChapterEntry(code.strip(), content, notApplicable == null ? null : notApplicable.strip());
        }
    }

    record Attachment(@NotBlank @Size(max = 16) String code, @NotNull UUID documentId) {

        AttachmentRef toRef() {
            return new AttachmentRef(code.strip(), documentId);
        }
    }

    record Resource(
            @NotBlank @Size(max = 200) String name,
            ShareType shareType,
            @Size(max = 2000) String shareCondition,
            @Size(max = 2000) String notSharedReason) {

        InformationResource toResource() {
            return new InformationResource(name.strip(), shareType, shareCondition, notSharedReason);
        }
    }

    record Permit(@NotNull PermitType type, @NotBlank @Size(max = 500) String reference) {

        ExtraPermit toPermit() {
            return new ExtraPermit(type, reference.strip());
        }
    }

    /** The content of a submission, as created ({@code stage} required) or replaced ({@code version}). */
    record SubmissionBody(
            Stage stage,
            @Size(max = 100) List<@NotNull @Valid Chapter> chapters,
            @Size(max = 20) List<@NotNull @Valid Attachment> attachments,
            @Size(max = 1000) List<@NotNull @Valid Resource> informationResources,
            @Size(max = 20000) String securityReliabilityStatement,
            @Size(max = 20000) String cryptoPlan,
            @Size(max = 20000) String cloudResources,
            @Size(max = 2000) String stateExemption,
            @Size(max = 4) List<@NotNull @Valid Permit> extraPermits,
            @Min(0) Long version) {

        SubmissionContent toContent() {
            return new SubmissionContent(
                    chapters == null ? List.of() : chapters.stream().map(Chapter::toEntry).toList(),
                    attachments == null ? List.of() : attachments.stream().map(Attachment::toRef).toList(),
                    informationResources == null ? List.of() : informationResources.stream().map(Resource::toResource).toList(),
                    securityReliabilityStatement, cryptoPlan, cloudResources, stateExemption,
                    extraPermits == null ? List.of() : extraPermits.stream().map(Permit::toPermit).toList());
        }
    }

    record ChapterBody(
            @Size(max = ChapterEntry.MAX_CONTENT) String content,
            @Size(max = 2000) String notApplicable,
            @Min(0) Long version) {
    }
}
