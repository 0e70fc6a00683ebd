package cn.jl.govit.supervision;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.RuleDefinition;
import cn.jl.govit.rulebook.RuleSet;

/** Art. 33 (the approval authority records violations and refers them) and Art. 34 (misconduct), no parameters. */
@Component
class ViolationRules implements RuleSet {

    @Override
    public List<RuleDefinition> rules() {
        return List.of(RuleDefinition.of(ViolationRecordPolicy.RULE), RuleDefinition.of(ViolationRecordPolicy.MISCONDUCT_RULE));
    }
}
