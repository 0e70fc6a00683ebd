package cn.jl.govit.rulebook;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** All rules registered by the modules, one entry per rule id, in article order. */
@Component
public class Rulebook {

    private final List<RuleDefinition> rules;

    Rulebook(List<RuleSet> ruleSets) {
        Map<String, RuleDefinition> byId = new LinkedHashMap<>();
        for (RuleSet set : ruleSets) {
            for (RuleDefinition rule : set.rules()) {
                RuleDefinition earlier = byId.putIfAbsent(rule.id(), rule);
                if (earlier != null && !earlier.equals(rule)) {
                    throw new IllegalStateException("rule " + rule.id() + " registered twice with different parameters");
                }
            }
        }
        this.rules = byId.values().stream()
                .sorted(Comparator.comparing((RuleDefinition r) -> Articles.number(r.id())).thenComparing(RuleDefinition::id))
                .toList();
    }

    public List<RuleDefinition> rules() {
        return rules;
    }

    public boolean isRegistered(String ruleId) {
        return rules.stream().anyMatch(r -> r.id().equals(ruleId));
    }
}
