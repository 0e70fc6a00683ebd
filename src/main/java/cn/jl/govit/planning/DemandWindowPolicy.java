package cn.jl.govit.planning;

import java.time.LocalDate;
import java.util.List;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 6: departments file their annual demands on the basis of the plan, in the Bureau's call for the year:
 * from the day the call opens to its closing date, both days included (Asia/Shanghai calendar).
 */
record DemandWindowPolicy() {

    static final String RULE = "ART-6";

    List<Violation> check(int year, DemandCall call, LocalDate today) {
        if (call == null) {
            return List.of(Violation.of(RULE, "year", "planning.call.none", String.valueOf(year)));
        }
        if (today.isBefore(call.opensOn())) {
            return List.of(Violation.of(RULE, "opensOn", "planning.call.not-open", String.valueOf(call.year()),
                    call.opensOn().toString()));
        }
        if (today.isAfter(call.closesOn())) {
            return List.of(Violation.of(RULE, "closesOn", "planning.call.closed", String.valueOf(call.year()),
                    call.closesOn().toString()));
        }
        return List.of();
    }
}
