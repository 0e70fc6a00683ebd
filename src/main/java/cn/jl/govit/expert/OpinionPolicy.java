package cn.jl.govit.expert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/**
 * Art. 10, 13 (3): a review opinion addresses all five aspects; the information-sharing analysis is the one
 * Art. 13 names again (评审意见中应有信息资源共享分析内容). One violation per missing or blank aspect, its item
 * the aspect; never throws.
 */
public record OpinionPolicy() {

    public List<Violation> check(Map<Aspect, String> aspects) {
        List<Violation> violations = new ArrayList<>();
        for (Aspect aspect : Aspect.values()) {
            String text = aspects == null ? null : aspects.get(aspect);
            if (text == null || text.isBlank()) {
                violations.add(aspect == Aspect.INFORMATION_SHARING
                        ? Violation.of("ART-13-3", aspect.name(), "violation.ART-13-3.sharing-analysis-missing")
                        : Violation.of("ART-10", aspect.name(), "violation.ART-10.aspect-missing",
                                new MessageKey("enum.Aspect." + aspect.name())));
            }
        }
        return violations;
    }
}
