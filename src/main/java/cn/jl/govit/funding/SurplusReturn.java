package cn.jl.govit.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A return of surplus funds (结余资金上缴, Art. 21): recorded by the construction unit, confirmed by Finance
 * when the money arrived. {@code confirmedOn} is {@code null} until then.
 */
public record SurplusReturn(UUID id, UUID projectId, BigDecimal amount, LocalDate returnedOn, String recordedBy,
        LocalDate confirmedOn, String confirmedBy, long version) {

    public boolean confirmed() {
        return confirmedOn != null;
    }
}
