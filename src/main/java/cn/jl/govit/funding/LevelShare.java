package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One level's share of a province–city–county project (Art. 25): the organisation or region responsible, the
 * content it builds and the funds it bears.
 */
public record LevelShare(GovernmentLevel level, String organization, String contentResponsibility, BigDecimal amount) {

    public LevelShare {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(contentResponsibility, "contentResponsibility");
        Objects.requireNonNull(amount, "amount");
    }
}
