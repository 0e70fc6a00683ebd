package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/** Annex 1: a proposal carries attachments PA1, PA3, PA4 and PA5; PA2 (the development workload) is optional. */
record AttachmentPolicy() {

    List<Violation> check(Outline outline, SubmissionContent content) {
        return outline.attachments().stream()
                .filter(a -> a.required() && content.attachment(a.code()).isEmpty())
                .map(a -> Violation.of(a.rule(), a.code(), "violation.ART-9.attachment-missing", a.code(), a.titleKey()))
                .toList();
    }
}
