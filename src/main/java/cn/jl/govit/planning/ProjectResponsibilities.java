package cn.jl.govit.planning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the lead department recorded for the participants of a project; version 0 before the first record. */
public record ProjectResponsibilities(UUID projectId, List<Responsibility> responsibilities, String recordedBy,
        Instant recordedAt, long version) {

    public ProjectResponsibilities {
        responsibilities = List.copyOf(responsibilities);
    }
}
