package cn.jl.govit.organization;

import java.util.Objects;

/**
 * An organisation, known by its short code ({@code RST}).
 *
 * @param dutyArea what a supervising body watches (Art. 5, 31), or {@code null}
 */
public record Organization(String code, String nameZh, String nameEn, OrganizationKind kind, String dutyArea,
        boolean active, long version) {

    public Organization {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
    }

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
    }
}
