package cn.jl.govit.approval;

import java.util.Objects;
import java.util.UUID;

/** An attachment of the submission (PA1–PA5 of a proposal): a stored document, by id. */
public record AttachmentRef(String code, UUID documentId) {

    public AttachmentRef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(documentId, "documentId");
    }
}
