package cn.jl.govit.acceptance;

import java.util.List;

/**
 * One of the six conditions for final acceptance (竣工验收具备条件, Annex 4 §4) as far as the platform can know it:
 * {@code MET}, {@code NOT_MET}, or {@code UNKNOWN} where only the committee can confirm it. Only the archives
 * (condition 6, Art. 24) block a passed result; the others inform the committee.
 *
 * @param number the condition's number in Annex 4 §4 (1–6; conditions 1 and 2 are assessed together)
 * @param messageKey what the condition asks for and how the platform reads it
 * @param basis the codes of the facts or materials it was read from
 */
public record FinalAcceptanceCondition(String number, Status status, String messageKey, List<String> basis,
        boolean blocking) {

    public FinalAcceptanceCondition {
        basis = List.copyOf(basis);
    }

    public enum Status {
        MET, NOT_MET, UNKNOWN
    }
}
