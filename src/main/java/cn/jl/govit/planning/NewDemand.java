package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.util.List;

/** What a department states in its demand (需求征报书) for the year of an open call. */
public record NewDemand(String title, String content, BigDecimal estimate, String planItemCode,
        List<String> participatingOrganizationCodes) {

    public NewDemand {
        participatingOrganizationCodes = List.copyOf(participatingOrganizationCodes);
    }
}
