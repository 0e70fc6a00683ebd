package cn.jl.govit.rulebook;

import java.util.List;

/** Each module registers the rules it enforces by exposing one bean of this type. */
public interface RuleSet {

    List<RuleDefinition> rules();
}
