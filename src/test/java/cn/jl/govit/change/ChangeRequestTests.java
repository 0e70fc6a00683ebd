package cn.jl.govit.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.RuleViolationException;

/** The change request's transitions: each route starts where it should and decides only once. */
class ChangeRequestTests {

    private static final LocalDate REQUESTED = LocalDate.of(2026, 6, 1);

    private static ChangeRequest request(ChangeRoute route) {
        ChangeFacts facts = new ChangeFacts(new BigDecimal("10000000"), new BigDecimal("100000"),
                new BigDecimal("10000000"), true, ChangeReason.TECHNICAL_OPTIMIZATION, BigDecimal.ZERO, false, null);
        return ChangeRequest.request(UUID.randomUUID(), UUID.randomUUID(), 1, facts, "调整", route, "rst",
                Instant.parse("2026-06-01T02:00:00Z"), REQUESTED);
    }

    @Test
    void eachRouteStartsInItsStatus() {
        assertThat(request(ChangeRoute.FILING).status()).isEqualTo(ChangeStatus.FILED);
        assertThat(request(ChangeRoute.REAPPROVAL).status()).isEqualTo(ChangeStatus.IN_REAPPROVAL);
        assertThat(request(ChangeRoute.GOVERNMENT_APPROVAL).status()).isEqualTo(ChangeStatus.AWAITING_GOVERNMENT);
    }

    @Test
    void aFilingIsAcknowledgedOnce() {
        ChangeRequest filing = request(ChangeRoute.FILING);
        filing.acknowledge("szsj", Instant.now());
        assertThat(filing.acknowledgedBy()).isEqualTo("szsj");
        assertThatThrownBy(() -> filing.acknowledge("szsj", Instant.now())).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> request(ChangeRoute.REAPPROVAL).acknowledge("szsj", Instant.now()))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aGovernmentDecisionMayNotPredateTheRequest() {
        ChangeRequest change = request(ChangeRoute.GOVERNMENT_APPROVAL);
        assertThatThrownBy(() -> change.governmentDecided(true, new BigDecimal("11000000"), "吉政函〔2026〕1号",
                REQUESTED.minusDays(1), "szsj"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("ART-23-3"));
        change.governmentDecided(true, new BigDecimal("11000000"), "吉政函〔2026〕1号", REQUESTED, "szsj");
        assertThat(change.status()).isEqualTo(ChangeStatus.APPROVED);
        assertThat(change.approvedTotalInvestment()).isEqualByComparingTo("11000000");
        assertThatThrownBy(() -> change.governmentDecided(false, null, "x", REQUESTED, "szsj"))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aReapprovalIsApprovedOrRejectedOnceAndOnlyInReapproval() {
        ChangeRequest change = request(ChangeRoute.REAPPROVAL);
        change.reapprovalRejected("吉数审〔2026〕3号", REQUESTED, "szsj");
        assertThat(change.status()).isEqualTo(ChangeStatus.REJECTED);
        assertThatThrownBy(() -> change.reapproved(BigDecimal.TEN, "n", REQUESTED, "szsj"))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> request(ChangeRoute.FILING).reapproved(BigDecimal.TEN, "n", REQUESTED, "szsj"))
                .isInstanceOf(RuleViolationException.class);
    }
}
