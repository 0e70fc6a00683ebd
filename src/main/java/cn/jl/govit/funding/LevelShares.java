package cn.jl.govit.funding;

import java.time.Instant;
import java.util.List;

/**
 * The current split of a project by level (Art. 25), replaced as a whole: {@code version} 0 means none was
 * recorded yet; each replacement adds one and keeps the earlier split.
 */
public record LevelShares(long version, String recordedBy, Instant recordedAt, List<LevelShare> shares) {

    public LevelShares {
        shares = List.copyOf(shares);
    }

    static LevelShares none() {
        return new LevelShares(0, null, null, List.of());
    }
}
