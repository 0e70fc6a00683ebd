package cn.jl.govit.obligation;

import cn.jl.govit.project.ApprovalAuthority;

/**
 * The filters of the obligation list (page, API and export), each null for "any": the overview's overdue numbers
 * drill down to the list with the same filter that counted them. The caller's scope applies on top.
 *
 * @param status the status as read today ({@code OVERDUE} includes open obligations past their due date)
 * @param department the responsible organisation's code
 * @param type the obligation type
 * @param authority the approval authority of the obligation's project (Art. 5)
 * @param approvedYear the year the obligation's project was approved
 */
public record ObligationListFilter(ObligationStatus status, String department, ObligationType type,
        ApprovalAuthority authority, Integer approvedYear) {

    public ObligationListFilter {
        department = department == null || department.isBlank() ? null : department.strip();
    }
}
