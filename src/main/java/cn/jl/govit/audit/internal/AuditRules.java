package cn.jl.govit.audit.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 30: nothing is concealed — every record keeps its history in the append-only audit chain. */
@Component
class AuditRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-30"));
    }
}
