package cn.jl.govit.approval.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.Stage;

/**
 * The approval authority's decision on a filed submission, with its approval reply (批复): a PDF whose bytes
 * carry an SM3 digest and the authority's SM2 signature. The investment funnel of the stage — requested,
 * recommended by the experts, approved — is kept with it.
 */
public record Decision(UUID id, UUID submissionId, UUID projectId, Stage stage, ApprovalAuthority authority,
        DecisionOutcome outcome, BigDecimal requestedInvestment, BigDecimal recommendedInvestment,
        BigDecimal approvedInvestment, Integer constructionPeriodMonths, String sharingOpinion, String opinion,
        String documentNumber, LocalDate issuedOn, String decidedBy, Instant decidedAt, String replySm3,
        String signature, String signingKeyId) {

    public String documentUrl() {
        return "/api/v1/decisions/" + id + "/document";
    }
}
