package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 25: a project built by province, cities and counties together splits its content and funds by level of
 * responsibility. The split covers the whole approved estimate exactly — a shortfall would leave content without
 * money, an excess would plan funds outside the approval (Art. 21) — each share bears a positive amount, and
 * each organisation or region appears once per level.
 */
final class LevelSharePolicy {

    private LevelSharePolicy() {
    }

    static List<Violation> check(BigDecimal approvedEstimate, List<LevelShare> shares) {
        List<Violation> violations = new ArrayList<>();
        if (approvedEstimate == null) {
            violations.add(Violation.of("ART-25", "status", "violation.ART-25.no-approved-estimate"));
            return violations;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < shares.size(); i++) {
            LevelShare share = shares.get(i);
            if (share.amount().signum() <= 0) {
                violations.add(Violation.of("ART-25", "shares[" + i + "].amount", "violation.ART-25.share-not-positive",
                        share.organization()));
            }
            if (!seen.add(share.level() + "/" + share.organization().strip().toLowerCase(Locale.ROOT))) {
                violations.add(Violation.of("ART-25", "shares[" + i + "].organization", "violation.ART-25.duplicate",
                        new MessageKey("enum.GovernmentLevel." + share.level().name()), share.organization()));
            }
            sum = sum.add(share.amount());
        }
        if (sum.compareTo(approvedEstimate) != 0) {
            violations.add(Violation.of("ART-25", "shares", "violation.ART-25.sum",
                    FundPlanPolicy.plain(sum), FundPlanPolicy.plain(approvedEstimate)));
        }
        return violations;
    }
}
