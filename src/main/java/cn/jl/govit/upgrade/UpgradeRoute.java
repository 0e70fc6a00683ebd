package cn.jl.govit.upgrade;

/** How an upgrade goes ahead (Art. 29). */
public enum UpgradeRoute {
    /** shares as required and is in the provincial catalogue: the approval authority approves it as any project */
    NORMAL_APPROVAL,
    /** does not share: joint review by the authority with the departments concerned, then the Leading Group */
    JOINT_REVIEW
}
