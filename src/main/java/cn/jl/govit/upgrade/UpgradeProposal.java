package cn.jl.govit.upgrade;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What the construction unit states when it asks to upgrade its system: the upgrade's title, reasons and scope,
 * its estimate (yuan) and period, whether the system shares information as required (Art. 29) and its code in the
 * provincial government information system catalogue ({@code null} when not listed), with an optional document.
 */
public record UpgradeProposal(String title, String reasons, String scope, BigDecimal estimatedInvestment,
        int constructionPeriodMonths, boolean shareable, String catalogueCode, UUID documentId) {

    public UpgradeProposal {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(estimatedInvestment, "estimatedInvestment");
        catalogueCode = catalogueCode == null || catalogueCode.isBlank() ? null : catalogueCode.strip();
    }
}
