package cn.jl.govit.approval;

import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 17: cryptography is planned together with the system (三同步): every submission carries a cryptography
 * plan. The cryptography design chapter of a preliminary design (PD4.10) is gated in the outline itself.
 */
record CryptoPolicy() {

    List<Violation> check(SubmissionContent content) {
        return content.cryptoPlan() == null || content.cryptoPlan().isBlank()
                ? List.of(Violation.of("ART-17", "cryptoPlan", "violation.ART-17.crypto-plan-missing"))
                : List.of();
    }
}
