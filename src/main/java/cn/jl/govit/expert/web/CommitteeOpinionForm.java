package cn.jl.govit.expert.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import cn.jl.govit.expert.AcceptanceAspect;
import cn.jl.govit.expert.AcceptanceConclusion;
import cn.jl.govit.expert.AcceptanceOpinionInput;

/**
 * The acceptance assessment opinion as the browser posts it: one text per aspect of Annex 4 §7, the conclusion
 * and the overall opinion. Their absence is a rule of the measures, shown in place by the policy, not a format
 * error; only the lengths are checked here.
 */
public class CommitteeOpinionForm {

    /** The form field of each aspect, in the order of Annex 4 §7. */
    static final Map<AcceptanceAspect, String> FIELDS = new EnumMap<>(Map.of(
            AcceptanceAspect.GOALS_AND_SCALE, "goalsAndScale",
            AcceptanceAspect.INVESTMENT, "investment",
            AcceptanceAspect.DESIGN_SUPERVISION_CONSTRUCTION, "designSupervisionConstruction",
            AcceptanceAspect.PROCUREMENT, "procurement",
            AcceptanceAspect.SECURITY_AND_RISK, "securityAndRisk",
            AcceptanceAspect.CRYPTOGRAPHY, "cryptography",
            AcceptanceAspect.ARCHIVES, "archives",
            AcceptanceAspect.BUDGET_AND_ACCOUNTS, "budgetAndAccounts"));

    @Size(max = 20000)
    private String goalsAndScale;
    @Size(max = 20000)
    private String investment;
    @Size(max = 20000)
    private String designSupervisionConstruction;
    @Size(max = 20000)
    private String procurement;
    @Size(max = 20000)
    private String securityAndRisk;
    @Size(max = 20000)
    private String cryptography;
    @Size(max = 20000)
    private String archives;
    @Size(max = 20000)
    private String budgetAndAccounts;
    private AcceptanceConclusion conclusion;
    @Size(max = 20000)
    private String overallOpinion;
    @Min(0)
    private Long version;

    AcceptanceOpinionInput toInput() {
        Map<AcceptanceAspect, String> aspects = new EnumMap<>(AcceptanceAspect.class);
        aspects.put(AcceptanceAspect.GOALS_AND_SCALE, goalsAndScale);
        aspects.put(AcceptanceAspect.INVESTMENT, investment);
        aspects.put(AcceptanceAspect.DESIGN_SUPERVISION_CONSTRUCTION, designSupervisionConstruction);
        aspects.put(AcceptanceAspect.PROCUREMENT, procurement);
        aspects.put(AcceptanceAspect.SECURITY_AND_RISK, securityAndRisk);
        aspects.put(AcceptanceAspect.CRYPTOGRAPHY, cryptography);
        aspects.put(AcceptanceAspect.ARCHIVES, archives);
        aspects.put(AcceptanceAspect.BUDGET_AND_ACCOUNTS, budgetAndAccounts);
        return new AcceptanceOpinionInput(aspects, conclusion, overallOpinion);
    }

    /** The aspects with their form fields, for the template. */
    public static List<AspectField> aspects() {
        return FIELDS.entrySet().stream().map(e -> new AspectField(e.getKey(), e.getValue())).toList();
    }

    public record AspectField(AcceptanceAspect aspect, String field) {
    }

    public String getGoalsAndScale() { return goalsAndScale; }
    public void setGoalsAndScale(String v) { this.goalsAndScale = v; }
    public String getInvestment() { return investment; }
    public void setInvestment(String v) { this.investment = v; }
    public String getDesignSupervisionConstruction() { return designSupervisionConstruction; }
    public void setDesignSupervisionConstruction(String v) { this.designSupervisionConstruction = v; }
    public String getProcurement() { return procurement; }
    public void setProcurement(String v) { this.procurement = v; }
    public String getSecurityAndRisk() { return securityAndRisk; }
    public void setSecurityAndRisk(String v) { this.securityAndRisk = v; }
    public String getCryptography() { return cryptography; }
    public void setCryptography(String v) { this.cryptography = v; }
    public String getArchives() { return archives; }
    public void setArchives(String v) { this.archives = v; }
    public String getBudgetAndAccounts() { return budgetAndAccounts; }
    public void setBudgetAndAccounts(String v) { this.budgetAndAccounts = v; }
    public AcceptanceConclusion getConclusion() { return conclusion; }
    public void setConclusion(AcceptanceConclusion conclusion) { this.conclusion = conclusion; }
    public String getOverallOpinion() { return overallOpinion; }
    public void setOverallOpinion(String overallOpinion) { this.overallOpinion = overallOpinion; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
