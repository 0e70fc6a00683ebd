package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/** Art. 18: the use of secure and reliable (安全可靠) products is explained at approval. */
record SecureReliablePolicy() {

    List<Violation> check(SubmissionContent content) {
        return content.securityReliabilityStatement() == null || content.securityReliabilityStatement().isBlank()
                ? List.of(Violation.of("ART-18", "securityReliabilityStatement", "violation.ART-18.statement-missing"))
                : List.of();
    }
}
