package cn.jl.govit.project.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.NewProject;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;

/**
 * The new-project form as the browser posts it: the fields of {@code POST /api/v1/projects} with the same
 * limits, and a few funding lines of which the empty ones are ignored.
 */
public class ProjectForm {

    static final int FUNDING_ROWS = 4;
    static final int MAX_FUNDING_LINES = 10;

    @NotBlank
    @Size(max = 200)
    private String name;

    @NotEmpty
    private Set<ProjectCategory> categories = EnumSet.noneOf(ProjectCategory.class);

    @NotBlank
    @Size(max = 20000)
    private String summary;

    @Size(max = 50)
    private List<String> participatingOrganizationCodes = new ArrayList<>();

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @Digits(integer = 13, fraction = 2)
    private BigDecimal estimatedInvestment;

    @NotNull
    @Min(1)
    @Max(120)
    private Integer constructionPeriodMonths;

    @Valid
    private List<FundingRow> fundingSources = new ArrayList<>();

    private boolean inProvincialPlan;
    private EmergencyType emergency;
    private boolean simpleOrEquipmentOnly;
    private boolean classified;
    private boolean newCivilWorks;
    private boolean highEnergyUse;
    private boolean buildsNewCloudPlatform;

    public ProjectForm() {
        padFundingRows();
    }

    /** Keeps at least {@link #FUNDING_ROWS} lines on the form, so there is always room for another source. */
    void padFundingRows() {
        while (fundingSources.size() < FUNDING_ROWS) {
            fundingSources.add(new FundingRow());
        }
    }

    /** Indexes of the funding rows that were filled in, in form order. */
    List<Integer> filledFundingRows() {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < fundingSources.size(); i++) {
            if (!fundingSources.get(i).isEmpty()) {
                filled.add(i);
            }
        }
        return filled;
    }

    /** The proposal; call only when the form is valid. */
    NewProject toNewProject() {
        List<FundingLine> lines = filledFundingRows().stream()
                .map(i -> new FundingLine(fundingSources.get(i).getSource(), fundingSources.get(i).getAmount()))
                .toList();
        ProjectFacts facts = new ProjectFacts(lines, inProvincialPlan, emergency, simpleOrEquipmentOnly, classified,
                newCivilWorks, highEnergyUse, buildsNewCloudPlatform);
        List<String> participants = participatingOrganizationCodes == null ? List.of()
                : participatingOrganizationCodes.stream().filter(c -> c != null && !c.isBlank()).map(String::strip).toList();
        return new NewProject(name.strip(), summary.strip(), categories, participants, estimatedInvestment,
                constructionPeriodMonths, facts);
    }

    /** One funding line of the form; both fields empty means the line is not used. */
    public static class FundingRow {

        private FundingSource source;

        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 13, fraction = 2)
        private BigDecimal amount;

        boolean isEmpty() {
            return source == null && amount == null;
        }

        public FundingSource getSource() {
            return source;
        }

        public void setSource(FundingSource source) {
            this.source = source;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Set<ProjectCategory> getCategories() {
        return categories;
    }

    public void setCategories(Set<ProjectCategory> categories) {
        this.categories = categories == null ? EnumSet.noneOf(ProjectCategory.class) : categories;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<String> getParticipatingOrganizationCodes() {
        return participatingOrganizationCodes;
    }

    public void setParticipatingOrganizationCodes(List<String> participatingOrganizationCodes) {
        this.participatingOrganizationCodes = participatingOrganizationCodes == null ? new ArrayList<>()
                : participatingOrganizationCodes;
    }

    public BigDecimal getEstimatedInvestment() {
        return estimatedInvestment;
    }

    public void setEstimatedInvestment(BigDecimal estimatedInvestment) {
        this.estimatedInvestment = estimatedInvestment;
    }

    public Integer getConstructionPeriodMonths() {
        return constructionPeriodMonths;
    }

    public void setConstructionPeriodMonths(Integer constructionPeriodMonths) {
        this.constructionPeriodMonths = constructionPeriodMonths;
    }

    public List<FundingRow> getFundingSources() {
        return fundingSources;
    }

    public void setFundingSources(List<FundingRow> fundingSources) {
        this.fundingSources = fundingSources == null ? new ArrayList<>() : fundingSources;
    }

    public boolean isInProvincialPlan() {
        return inProvincialPlan;
    }

    public void setInProvincialPlan(boolean inProvincialPlan) {
        this.inProvincialPlan = inProvincialPlan;
    }

    public EmergencyType getEmergency() {
        return emergency;
    }

    public void setEmergency(EmergencyType emergency) {
        this.emergency = emergency;
    }

    public boolean isSimpleOrEquipmentOnly() {
        return simpleOrEquipmentOnly;
    }

    public void setSimpleOrEquipmentOnly(boolean simpleOrEquipmentOnly) {
        this.simpleOrEquipmentOnly = simpleOrEquipmentOnly;
    }

    public boolean isClassified() {
        return classified;
    }

    public void setClassified(boolean classified) {
        this.classified = classified;
    }

    public boolean isNewCivilWorks() {
        return newCivilWorks;
    }

    public void setNewCivilWorks(boolean newCivilWorks) {
        this.newCivilWorks = newCivilWorks;
    }

    public boolean isHighEnergyUse() {
        return highEnergyUse;
    }

    public void setHighEnergyUse(boolean highEnergyUse) {
        this.highEnergyUse = highEnergyUse;
    }

    public boolean isBuildsNewCloudPlatform() {
        return buildsNewCloudPlatform;
    }

    public void setBuildsNewCloudPlatform(boolean buildsNewCloudPlatform) {
        this.buildsNewCloudPlatform = buildsNewCloudPlatform;
    }
}
