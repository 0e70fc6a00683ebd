package cn.jl.govit.supervision;

/**
 * What a violation record says happened: the conduct of Art. 33 (未履行审批、备案程序, or through poor management or
 * fraud 严重超预算、质量低劣、损失浪费、安全事故或者其他责任事故), which the project's approval authority records, and
 * the misconduct of Art. 34 (滥用职权、玩忽职守、徇私舞弊、索贿受贿), which any supervising body may record as well.
 */
public enum ViolationKind {

    /** 未履行审批、备案程序 */
    NO_APPROVAL_OR_FILING,
    /** 弄虚作假 */
    FRAUD,
    /** 严重超预算 */
    SEVERE_OVERRUN,
    /** 质量低劣 */
    POOR_QUALITY,
    /** 损失浪费 */
    LOSS_AND_WASTE,
    /** 安全事故 */
    SAFETY_ACCIDENT,
    /** 其他责任事故 */
    OTHER_LIABILITY_ACCIDENT,
    /** Art. 34: 滥用职权、玩忽职守、徇私舞弊、索贿受贿 */
    MISCONDUCT;

    /** The article the kind rests on: {@code ART-34} for misconduct, {@code ART-33} for the rest. */
    public String rule() {
        return this == MISCONDUCT ? ViolationRecordPolicy.MISCONDUCT_RULE : ViolationRecordPolicy.RULE;
    }
}
