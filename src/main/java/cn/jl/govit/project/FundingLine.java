package cn.jl.govit.project;

import java.math.BigDecimal;
import java.util.Objects;

/** One funding source of a project and the amount, in yuan, it brings. */
public record FundingLine(FundingSource source, BigDecimal amount) {

    public FundingLine {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a funding line brings a positive amount");
        }
    }
}
