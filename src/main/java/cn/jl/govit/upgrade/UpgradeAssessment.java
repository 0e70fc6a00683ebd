package cn.jl.govit.upgrade;

import java.util.List;

import cn.jl.govit.rulebook.Reason;

/** The route of an upgrade and every reason for it, each citing Art. 29. */
public record UpgradeAssessment(UpgradeRoute route, List<Reason> reasons) {

    public UpgradeAssessment {
        reasons = List.copyOf(reasons);
    }
}
