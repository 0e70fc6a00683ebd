package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/** Art. 9 (2): the merged submission of an emergency project adds its necessity and feasibility (EM1, EM2). */
record EmergencyAddendumPolicy(Outline addendum) {

    List<Violation> check(SubmissionFacts facts, SubmissionContent content) {
        return facts.emergency() ? new OutlineCompletenessPolicy().check(addendum, content) : List.of();
    }
}
