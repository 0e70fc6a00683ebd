/**
 * Approval (审批): the construction unit's submissions (申报材料) for each stage of a project's approval path,
 * checked against the outlines of Annexes 1–3 by the formal review (形式审查, Art. 9, 11–13, 17–19) before they
 * reach the approval authority; revised and resubmitted when the authority returns them, every submitted
 * version kept. The outlines are data ({@code regulation/outlines.yaml}), one definition for the review and
 * the checklist the department fills in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审批 Approval",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "expert", "document", "document :: signing", "document :: pdf"})
package cn.jl.govit.approval;
