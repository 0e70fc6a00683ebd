package cn.jl.govit.overview;

import cn.jl.govit.project.ApprovalAuthority;

/**
 * What the overview counts: projects approved in {@code year} (null: every project, approved or not) of the
 * {@code authority} (null: both authorities).
 *
 * @param year the year of approval, or null
 * @param authority the approval authority, or null for both
 * @param ownAuthorityByDefault whether the authority was chosen for the user because it is the DRC's own (Art. 5)
 */
public record OverviewFilter(Integer year, ApprovalAuthority authority, boolean ownAuthorityByDefault) {
}
