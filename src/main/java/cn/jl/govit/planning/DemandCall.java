package cn.jl.govit.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The Digital Bureau's call for the departments' demands of one year (需求征报), open from one day to another. */
public record DemandCall(UUID id, int year, LocalDate opensOn, LocalDate closesOn, List<String> focusAreas,
        String createdBy, long version) {

    public DemandCall {
        focusAreas = List.copyOf(focusAreas);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }
}
