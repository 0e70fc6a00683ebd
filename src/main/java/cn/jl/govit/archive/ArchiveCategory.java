package cn.jl.govit.archive;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An archive category of a project's file (档案类目), kept as data with a stable code. {@code materialCodes} are the
 * final-acceptance materials of Annex 4 ({@code regulation/outlines.yaml}, {@code AM…}) whose documents belong in it,
 * so that the archive and the acceptance checklist speak of the same documents.
 */
public record ArchiveCategory(String code, String nameZh, String nameEn, List<String> materialCodes,
        Retention suggestedRetention, int position) {

    public ArchiveCategory {
        Objects.requireNonNull(code);
        materialCodes = materialCodes == null ? List.of() : List.copyOf(materialCodes);
    }

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
