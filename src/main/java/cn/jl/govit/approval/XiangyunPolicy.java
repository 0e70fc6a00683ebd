package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 19: a project builds on the Jilin Xiangyun platform and says which of its resources it needs; it builds
 * no new government cloud or data platform unless the state rules otherwise, which must then be recorded.
 */
record XiangyunPolicy() {

    List<Violation> check(SubmissionFacts facts, SubmissionContent content) {
        List<Violation> violations = new ArrayList<>();
        if (blank(content.cloudResources())) {
            violations.add(Violation.of("ART-19", "cloudResources", "violation.ART-19.cloud-resources-missing"));
        }
        if (facts.buildsNewCloudPlatform() && blank(content.stateExemption())) {
            violations.add(Violation.of("ART-19", "stateExemption", "violation.ART-19.state-exemption-missing"));
        }
        return violations;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
