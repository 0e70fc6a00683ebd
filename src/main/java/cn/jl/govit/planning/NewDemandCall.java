package cn.jl.govit.planning;

import java.time.LocalDate;
import java.util.List;

/** The Bureau opens the call for a year: from {@code opensOn} (today when absent) to {@code closesOn}. */
public record NewDemandCall(int year, LocalDate opensOn, LocalDate closesOn, List<String> focusAreas) {

    public NewDemandCall {
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
    }
}
