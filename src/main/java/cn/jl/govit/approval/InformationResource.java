package cn.jl.govit.approval;

/**
 * An entry of the project's information resource catalogue (Art. 13): what the system holds, and whether and
 * how it is shared. The formal review checks the share type, the condition and the reason.
 */
public record InformationResource(String name, ShareType shareType, String shareCondition, String notSharedReason) {
}
