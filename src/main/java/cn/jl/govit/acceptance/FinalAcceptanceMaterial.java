package cn.jl.govit.acceptance;

import java.util.Objects;

/**
 * One item of the final acceptance materials checklist (Annex 4, 附件 竣工验收材料清单, plus the two reports that
 * Art. 26 names separately), as defined once in {@code regulation/outlines.yaml}.
 *
 * @param required whether the item must be supplied when it applies ({@code false} for AM12 and AM15)
 * @param when the fact that makes the item apply, {@code null} for always
 */
public record FinalAcceptanceMaterial(String code, String title, boolean required, Condition when) {

    public FinalAcceptanceMaterial {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }

    /** The fact of the project that makes a material apply (the {@code when} of the outline). */
    public enum Condition {
        /** AM13.*: the project developed software */
        SOFTWARE_DEVELOPED,
        /** AM14.2: MLPS (等保) evaluation of a non-classified system */
        NOT_CLASSIFIED,
        /** AM14.3: graded protection (分保) opinion of a classified system */
        CLASSIFIED;

        static Condition of(String yaml) {
            return switch (yaml) {
                case "softwareDeveloped" -> SOFTWARE_DEVELOPED;
                case "notClassified" -> NOT_CLASSIFIED;
                case "classified" -> CLASSIFIED;
                default -> throw new IllegalStateException("unknown condition of a final acceptance material: " + yaml);
            };
        }

        boolean holds(boolean softwareDeveloped, boolean classified) {
            return switch (this) {
                case SOFTWARE_DEVELOPED -> softwareDeveloped;
                case NOT_CLASSIFIED -> !classified;
                case CLASSIFIED -> classified;
            };
        }
    }

    /** Whether the item applies to a project with these facts. */
    public boolean appliesTo(boolean softwareDeveloped, boolean classified) {
        return when == null || when.holds(softwareDeveloped, classified);
    }

    /** The message key of the title in the reader's language. */
    public String titleKey() {
        return "acceptance.final.material." + code;
    }
}
