package cn.jl.govit.expert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.jl.govit.rulebook.Violation;

/**
 * Art. 10: who may sit on a review panel. Eligible are the active pool members who work in none of the
 * conflicting organisations (the applicant and the participating departments). A draw picks {@code size} of
 * them uniformly at random with the given source of randomness ({@link java.security.SecureRandom} in the
 * application, a seeded one in tests); naming experts checks each name. Returns violations, never throws.
 */
public record PanelDrawPolicy(Random random) {

    public PanelDrawPolicy {
        Objects.requireNonNull(random, "random");
    }

    /** The eligible experts, in user-name order so that a seeded draw is reproducible. */
    public static List<Expert> eligible(List<Expert> pool, Set<String> conflictingOrganizationCodes) {
        return pool.stream().filter(Expert::active).filter(e -> !e.conflictsWith(conflictingOrganizationCodes))
                .sorted(Comparator.comparing(Expert::username)).toList();
    }

    public Outcome draw(List<Expert> pool, int size, Set<String> conflictingOrganizationCodes) {
        List<Expert> eligible = eligible(pool, conflictingOrganizationCodes);
        if (eligible.size() < size) {
            return new Outcome(eligible, List.of(), List.of(Violation.of("ART-10", "size",
                    "violation.ART-10.too-few-eligible", size, eligible.size())));
        }
        List<Expert> shuffled = new ArrayList<>(eligible);
        // a partial Fisher–Yates shuffle: each eligible expert is equally likely to be drawn
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(shuffled.size() - i);
            java.util.Collections.swap(shuffled, i, j);
        }
        return new Outcome(eligible, List.copyOf(shuffled.subList(0, size)), List.of());
    }

    /** Experts named by the authority: each must be an active pool member without a conflict. */
    public Outcome name(List<Expert> pool, List<String> usernames, Set<String> conflictingOrganizationCodes) {
        Map<String, Expert> byName = pool.stream().collect(Collectors.toMap(Expert::username, Function.identity()));
        List<Violation> violations = new ArrayList<>();
        List<Expert> named = new ArrayList<>();
        for (String username : usernames) {
            Expert expert = byName.get(username);
            if (expert == null || !expert.active()) {
                violations.add(Violation.of("ART-10", username, "violation.ART-10.not-in-pool", username));
            }
            else if (expert.conflictsWith(conflictingOrganizationCodes)) {
                violations.add(Violation.of("ART-10", username, "violation.ART-10.conflict", username,
                        expert.organizationCode()));
            }
            else {
                named.add(expert);
            }
        }
        return new Outcome(eligible(pool, conflictingOrganizationCodes), violations.isEmpty() ? List.copyOf(named) : List.of(),
                violations);
    }

    /** The eligible experts, those chosen (empty when refused) and the reasons for a refusal. */
    public record Outcome(List<Expert> eligible, List<Expert> chosen, List<Violation> violations) {
    }
}
