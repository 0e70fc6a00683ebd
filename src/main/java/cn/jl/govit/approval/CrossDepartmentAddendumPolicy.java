package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 12: the first submission of a project with participating departments describes the business flows, data
 * flows, system interfaces and an initial data catalogue (XD1–XD4).
 */
record CrossDepartmentAddendumPolicy(Outline addendum) {

    List<Violation> check(SubmissionFacts facts, SubmissionContent content) {
        return facts.crossDepartmentFirst() ? new OutlineCompletenessPolicy().check(addendum, content) : List.of();
    }
}
