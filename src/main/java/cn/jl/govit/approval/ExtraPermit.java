package cn.jl.govit.approval;

import java.util.Objects;

/** An approval outside the IT procedure (Art. 11), named by its document number or reference. */
public record ExtraPermit(PermitType type, String reference) {

    public ExtraPermit {
        Objects.requireNonNull(type, "type");
    }
}
