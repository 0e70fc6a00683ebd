package cn.jl.govit.project;

/** Art. 9: the approval stages, in the order the standard path takes them. */
public enum Stage {
    /** 项目建议书 (Annex 1) */
    PROPOSAL,
    /** 可行性研究报告 (Annex 2) */
    FEASIBILITY_STUDY,
    /** 初步设计方案和投资概算 (Annex 3) */
    PRELIMINARY_DESIGN
}
