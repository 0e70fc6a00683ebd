package cn.jl.govit.approval;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** The rules the formal review enforces besides those of the project module (Art. 7, 9). */
@Component
class ApprovalRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of("ART-11"), RuleDefinition.of("ART-12"), RuleDefinition.of("ART-13-1"),
                RuleDefinition.of("ART-13-2"), RuleDefinition.of("ART-16"), RuleDefinition.of("ART-17"),
                RuleDefinition.of("ART-18"), RuleDefinition.of("ART-19"));
    }
}
