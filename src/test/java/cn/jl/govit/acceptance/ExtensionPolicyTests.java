package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Violation;

/** Art. 27, Annex 4 §1: an extension extends a running deadline to a later day. */
class ExtensionPolicyTests {

    @Test
    void theNewDateMustBeAfterTheRunningDeadline() {
        LocalDate deadline = LocalDate.of(2026, 8, 31);
        assertThat(ExtensionPolicy.application(AcceptanceKind.INITIAL, deadline, deadline.plusDays(1))).isEmpty();
        assertThat(ExtensionPolicy.application(AcceptanceKind.INITIAL, deadline, deadline))
                .extracting(Violation::messageKey).containsExactly("violation.ART-27.extension-not-later");
    }

    @Test
    void withoutARunningDeadlineThereIsNothingToExtend() {
        assertThat(ExtensionPolicy.application(AcceptanceKind.FINAL, null, LocalDate.of(2027, 1, 1)))
                .extracting(Violation::messageKey).containsExactly("violation.ART-27.no-deadline-final");
        assertThat(ExtensionPolicy.application(AcceptanceKind.INITIAL, null, LocalDate.of(2027, 1, 1)))
                .extracting(Violation::rule).containsExactly("ART-27");
    }
}
