package cn.jl.govit.operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An MLPS evaluation (等级保护测评, GB/T 22239) of a non-classified system: its protection level, the public-security
 * filing number, evaluator, score and conclusion, and the report. {@code nextDueOn} is set for the levels that are
 * evaluated every period ({@code null} below them).
 */
public record MlpsRecord(UUID id, UUID projectId, int level, String filingNumber, LocalDate evaluatedOn,
        String evaluator, BigDecimal score, MlpsConclusion conclusion, UUID documentId, LocalDate nextDueOn,
        String recordedBy, Instant recordedAt) {

    public MlpsRecord {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(evaluatedOn);
        Objects.requireNonNull(conclusion);
    }
}
