package cn.jl.govit.rulebook.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.Rulebook;

@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "rules", description = "规则库 Rules of the measures")
class RulesController {

    private final Rulebook rulebook;
    private final CitationMessages messages;

    RulesController(Rulebook rulebook, CitationMessages messages) {
        this.rulebook = rulebook;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "Every rule the platform enforces, with its article and policy parameters")
    List<RuleView> rules(Locale locale) {
        return rulebook.rules().stream()
                .map(r -> new RuleView(r.id(), r.article(), messages.summary(r, locale), r.parameters()))
                .toList();
    }

    record RuleView(String id, String article, String summary, Map<String, Object> parameters) {
    }
}
