package cn.jl.govit.evaluation;

/**
 * Where an evaluation finding stands: open (to rectify; again after a rejected rectification), rectified (the unit
 * reported, the authority has to review), closed (the authority accepted the rectification).
 */
public enum EvaluationFindingStatus {
    OPEN, RECTIFIED, CLOSED
}
