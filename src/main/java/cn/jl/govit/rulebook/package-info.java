/**
 * The rulebook: the shared kernel every lifecycle module uses to state the rules of the measures.
 * A rule has an id such as {@code ART-23-1}, cites its article (第二十三条) and, where the measures set a
 * threshold or a period, names the policy parameter that holds it. A blocked action answers with
 * {@link cn.jl.govit.rulebook.Violation}s, never with a bare error text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "规则库 Rulebook")
package cn.jl.govit.rulebook;
