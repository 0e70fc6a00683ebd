package cn.jl.govit.change;

/** Where Art. 23 sends a change: filing (备案), re-approval (重新审批) or provincial government approval (省政府审批). */
public enum ChangeRoute {
    FILING, REAPPROVAL, GOVERNMENT_APPROVAL
}
