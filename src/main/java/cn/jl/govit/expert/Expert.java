package cn.jl.govit.expert;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of the expert pool (专家库): a user account with the role {@code EXPERT}, its fields of expertise,
 * the organisation it works in ({@code null} for an independent expert) and whether it is drawn at all.
 */
public record Expert(String username, String displayName, String organizationCode, Set<ExpertField> fields,
        boolean active, long version) {

    public Expert {
        Objects.requireNonNull(username, "username");
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    /** Whether the expert works in one of the given organisations (Art. 10: conflict of interest). */
    public boolean conflictsWith(Set<String> organizationCodes) {
        return organizationCode != null && organizationCodes.contains(organizationCode);
    }
}
