package cn.jl.govit.organization.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 4: the coordination mechanism — the provincial bodies read every project in their oversight. */
@Component
class OrganizationRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-4"));
    }
}
