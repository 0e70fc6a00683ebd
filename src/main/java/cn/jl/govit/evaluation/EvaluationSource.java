package cn.jl.govit.evaluation;

/** The evaluation a finding comes from (Art. 32). */
public enum EvaluationSource {
    SELF_EVALUATION, POST_EVALUATION
}
