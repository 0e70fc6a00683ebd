package cn.jl.govit.supervision;

/** A sanction is {@code ACTIVE} from its imposition until it is {@code LIFTED}; a termination is never lifted. */
public enum SanctionStatus {
    ACTIVE, LIFTED
}
