package cn.jl.govit.document.pdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an approval reply (批复) says (Art. 13: it must give an opinion on information sharing).
 *
 * @param issuerName the approval authority's name, e.g. 省政务服务和数字化局
 * @param addressee the construction unit, e.g. 省人力资源和社会保障厅
 * @param stageName the stage approved, e.g. 可行性研究报告
 * @param outcome the decision in words, e.g. 同意 / 退回修改 / 不予批准
 */
public record ApprovalReply(String documentNumber, LocalDate issuedOn, String issuerName, String addressee,
        String projectCode, String projectName, String stageName, String outcome, BigDecimal approvedInvestment,
        Integer constructionPeriodMonths, String sharingOpinion, String opinion) {

    public ApprovalReply {
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(projectName, "projectName");
    }
}
