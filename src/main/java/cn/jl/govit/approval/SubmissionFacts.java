package cn.jl.govit.approval;

import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.Stage;

/**
 * The facts of the project that shape what one submission must contain.
 *
 * @param emergency the project takes the emergency path: one merged submission (Art. 9 (2))
 * @param crossDepartmentFirst a cross-department project's first submission (Art. 12)
 */
public record SubmissionFacts(Stage stage, boolean emergency, boolean crossDepartmentFirst,
        boolean buildsNewCloudPlatform, boolean newCivilWorks, boolean highEnergyUse) {

    public static SubmissionFacts of(Project project, Stage stage) {
        boolean emergency = project.approvalPath().type() == ApprovalPathType.EMERGENCY;
        boolean first = project.approvalPath().stages().get(0) == stage;
        return new SubmissionFacts(stage, emergency, first && !project.participatingOrganizationCodes().isEmpty(),
                project.facts().buildsNewCloudPlatform(), project.facts().newCivilWorks(), project.facts().highEnergyUse());
    }

    public SubmissionOutline outline(Outlines outlines) {
        return outlines.forSubmission(stage, emergency, crossDepartmentFirst);
    }
}
