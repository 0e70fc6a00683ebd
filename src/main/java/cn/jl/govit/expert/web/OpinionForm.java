package cn.jl.govit.expert.web;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.expert.Aspect;
import cn.jl.govit.expert.Conclusion;
import cn.jl.govit.expert.ReviewOpinion;

/**
 * The opinion form as the browser posts it: one text per aspect of Art. 10 (their absence is a rule of the
 * measures, shown in place by the policy, not a format error), the conclusion and the recommended investment.
 */
public class OpinionForm {

    /** The form field of each aspect, in the order of Art. 10. */
    static final Map<Aspect, String> FIELDS = new EnumMap<>(Map.of(
            Aspect.NECESSITY, "necessity",
            Aspect.TECHNICAL_FEASIBILITY_SECURITY, "technicalFeasibilitySecurity",
            Aspect.INVESTMENT, "investment",
            Aspect.INFRASTRUCTURE_RESOURCES, "infrastructureResources",
            Aspect.INFORMATION_SHARING, "informationSharing"));

    @Size(max = 20000)
    private String necessity;
    @Size(max = 20000)
    private String technicalFeasibilitySecurity;
    @Size(max = 20000)
    private String investment;
    @Size(max = 20000)
    private String infrastructureResources;
    @Size(max = 20000)
    private String informationSharing;
    @NotNull
    private Conclusion conclusion;
    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = 13, fraction = 2)
    private BigDecimal recommendedInvestment;

    ReviewOpinion toOpinion() {
        Map<Aspect, String> aspects = new EnumMap<>(Aspect.class);
        aspects.put(Aspect.NECESSITY, necessity);
        aspects.put(Aspect.TECHNICAL_FEASIBILITY_SECURITY, technicalFeasibilitySecurity);
        aspects.put(Aspect.INVESTMENT, investment);
        aspects.put(Aspect.INFRASTRUCTURE_RESOURCES, infrastructureResources);
        aspects.put(Aspect.INFORMATION_SHARING, informationSharing);
        return new ReviewOpinion(aspects, conclusion, recommendedInvestment);
    }

    /** The aspects with their form fields, for the template. */
    public static List<AspectField> aspects() {
        return FIELDS.entrySet().stream().map(e -> new AspectField(e.getKey(), e.getValue())).toList();
    }

    public record AspectField(Aspect aspect, String field) {
    }

    public String getNecessity() { return necessity; }
    public void setNecessity(String necessity) { this.necessity = necessity; }
    public String getTechnicalFeasibilitySecurity() { return technicalFeasibilitySecurity; }
    public void setTechnicalFeasibilitySecurity(String v) { this.technicalFeasibilitySecurity = v; }
    public String getInvestment() { return investment; }
    public void setInvestment(String investment) { this.investment = investment; }
    public String getInfrastructureResources() { return infrastructureResources; }
    public void setInfrastructureResources(String v) { this.infrastructureResources = v; }
    public String getInformationSharing() { return informationSharing; }
    public void setInformationSharing(String informationSharing) { this.informationSharing = informationSharing; }
    public Conclusion getConclusion() { return conclusion; }
    public void setConclusion(Conclusion conclusion) { this.conclusion = conclusion; }
    public BigDecimal getRecommendedInvestment() { return recommendedInvestment; }
    public void setRecommendedInvestment(BigDecimal v) { this.recommendedInvestment = v; }
}
