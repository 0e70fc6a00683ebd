package cn.jl.govit.expert;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The consolidated acceptance assessment of an application, for the approval authority that decides the final
 * acceptance (Annex 4 §7 (二) 3): the committee with every member's assignment (and opinion once filed), the
 * count per recommended conclusion among the filed opinions, how many are filed, and whether all are in.
 */
public record CommitteeReport(AcceptanceCommittee committee, List<AcceptanceAssignment> members,
        Map<AcceptanceConclusion, Long> conclusions, int filed, boolean complete) {

    public static CommitteeReport of(AcceptanceCommittee committee) {
        Map<AcceptanceConclusion, Long> counts = new EnumMap<>(AcceptanceConclusion.class);
        for (AcceptanceConclusion c : AcceptanceConclusion.values()) {
            counts.put(c, 0L);
        }
        committee.opinions().forEach(o -> counts.merge(o.conclusion(), 1L, Long::sum));
        return new CommitteeReport(committee, committee.members(), Collections.unmodifiableMap(counts),
                committee.opinions().size(), committee.allOpinionsIn());
    }
}
