package cn.jl.govit.planning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 15: the lead department settles with the participating departments their construction scope and
 * obligations; responsibilities are recorded for participants of the project only, for each of them once.
 */
record ResponsibilityPolicy() {

    static final String RULE = "ART-15";

    List<Violation> check(List<String> participants, List<Responsibility> responsibilities) {
        List<Violation> violations = new ArrayList<>();
        if (participants.isEmpty()) {
            violations.add(Violation.of(RULE, "responsibilities", "planning.responsibility.no-participants"));
            return violations;
        }
        var seen = new HashSet<String>();
        for (Responsibility r : responsibilities) {
            if (!participants.contains(r.organizationCode())) {
                violations.add(Violation.of(RULE, r.organizationCode(), "planning.responsibility.not-participant",
                        r.organizationCode()));
            }
            else if (!seen.add(r.organizationCode())) {
                violations.add(Violation.of(RULE, r.organizationCode(), "planning.responsibility.duplicate",
                        r.organizationCode()));
            }
        }
        return violations;
    }
}
