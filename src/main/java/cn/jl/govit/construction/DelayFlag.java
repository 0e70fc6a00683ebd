package cn.jl.govit.construction;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A likely serious delay the platform detected (Art. 22, {@link DelayPolicy}), raised once per cause; it asks the
 * construction unit to report, and is answered by the incident the unit reports.
 */
public record DelayFlag(UUID id, UUID projectId, String cause, DelayFlagKind kind, String subject, LocalDate since,
        LocalDate detectedOn, UUID incidentId) {

    public boolean answered() {
        return incidentId != null;
    }
}
