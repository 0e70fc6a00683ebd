package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 21: fund plans stay within the approved estimate, <b>per funding source</b>. Each source may be planned up
 * to its share of the approved estimate, the share being the source's part of the funding lines the project was
 * approved with (a project approved for 80 % Digital Jilin fund gets at most 80 % of its estimate planned from
 * that fund). Per source rather than in total because each source is a separate budget: a total cap would let
 * one source's plan crowd out another's and pay for content approved from other money. The shares are rounded
 * down to the cent except the last source's, which takes the rest, so that they add up to the estimate exactly.
 */
final class FundPlanPolicy {

    private FundPlanPolicy() {
    }

    /**
     * @param issued what was already planned per source
     * @param approvedOn the approval date; a plan cannot be issued before it
     */
    static List<Violation> check(BigDecimal approvedEstimate, LocalDate approvedOn, List<FundingLine> lines,
            Map<FundingSource, BigDecimal> issued, FundingSource source, BigDecimal amount, LocalDate issuedOn) {
        List<Violation> violations = new ArrayList<>();
        if (approvedEstimate == null) {
            violations.add(Violation.of("ART-21", "status", "violation.ART-21.no-approved-estimate"));
            return violations;
        }
        if (approvedOn != null && issuedOn.isBefore(approvedOn)) {
            violations.add(Violation.of("ART-21", "issuedOn", "violation.ART-21.plan-before-approval",
                    issuedOn.toString(), approvedOn.toString()));
        }
        Map<FundingSource, BigDecimal> caps = shares(approvedEstimate, lines);
        if (!caps.containsKey(source)) {
            violations.add(Violation.of("ART-21", "source", "violation.ART-21.source-not-of-project",
                    new MessageKey("enum.FundingSource." + source.name())));
            return violations;
        }
        BigDecimal sourceIssued = issued.getOrDefault(source, BigDecimal.ZERO);
        BigDecimal cap = caps.get(source);
        if (sourceIssued.add(amount).compareTo(cap) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.plan-above-source-share",
                    new MessageKey("enum.FundingSource." + source.name()), plain(sourceIssued), plain(amount), plain(cap)));
        }
        BigDecimal total = issued.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.add(amount).compareTo(approvedEstimate) > 0) {
            violations.add(Violation.of("ART-21", "amount", "violation.ART-21.plan-above-estimate",
                    plain(total), plain(amount), plain(approvedEstimate)));
        }
        return violations;
    }

    /** Each source's share of the approved estimate, in the order of the funding lines. */
    static Map<FundingSource, BigDecimal> shares(BigDecimal approvedEstimate, List<FundingLine> lines) {
        Map<FundingSource, BigDecimal> shares = new EnumMap<>(FundingSource.class);
        BigDecimal total = lines.stream().map(FundingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() <= 0) {
            return shares;
        }
        BigDecimal allotted = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            FundingLine line = lines.get(i);
            BigDecimal share = i == lines.size() - 1 ? approvedEstimate.subtract(allotted)
                    : approvedEstimate.multiply(line.amount()).divide(total, 2, RoundingMode.DOWN);
            shares.merge(line.source(), share, BigDecimal::add);
            allotted = allotted.add(share);
        }
        return shares;
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
