package cn.jl.govit.project;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** The rules this module enforces. */
@Component
class ProjectRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-2"), RuleDefinition.of("ART-5"), RuleDefinition.of("ART-7"),
                RuleDefinition.of("ART-8"), RuleDefinition.of("ART-9"), RuleDefinition.of("ART-9-1"),
                RuleDefinition.of("ART-9-2"), RuleDefinition.of("ART-9-3"), RuleDefinition.of("ART-9-4"),
                RuleDefinition.of("ART-15"));
    }
}
