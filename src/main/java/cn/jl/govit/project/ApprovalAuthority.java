package cn.jl.govit.project;

import cn.jl.govit.organization.OrganizationCodes;

/** Art. 5: who approves (and accepts) a project. */
public enum ApprovalAuthority {
    DIGITAL_BUREAU(OrganizationCodes.DIGITAL_BUREAU),
    DEVELOPMENT_REFORM(OrganizationCodes.DEVELOPMENT_REFORM);

    private final String organizationCode;

    ApprovalAuthority(String organizationCode) {
        this.organizationCode = organizationCode;
    }

    public String organizationCode() {
        return organizationCode;
    }
}
