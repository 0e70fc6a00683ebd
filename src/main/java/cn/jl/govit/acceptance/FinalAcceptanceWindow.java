package cn.jl.govit.acceptance;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Art. 26: the final acceptance application is due within {@code windowMonths} (calendar months) after the initial
 * acceptance passed and the trial run is stable, whichever came last. No deadline while either is missing.
 */
public record FinalAcceptanceWindow(int windowMonths) {

    public FinalAcceptanceWindow {
        if (windowMonths < 1) {
            throw new IllegalArgumentException("the final acceptance window is at least one month");
        }
    }

    /** The due date of the application, once both facts are known. */
    public Optional<LocalDate> due(LocalDate initialAcceptedOn, LocalDate stableSince) {
        if (initialAcceptedOn == null || stableSince == null) {
            return Optional.empty();
        }
        LocalDate later = initialAcceptedOn.isAfter(stableSince) ? initialAcceptedOn : stableSince;
        return Optional.of(later.plusMonths(windowMonths));
    }
}
