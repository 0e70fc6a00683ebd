/**
 * The approval authority's decision on a filed submission (Art. 5, 9, 10, 13): expert panels, the consolidated review
 * report, and the decision with its numbered, SM2-signed reply. Exposed so that tools that take a project through its
 * lifecycle (the demo data, a data generator) use the same use case as the pages.
 */
@org.springframework.modulith.NamedInterface("decision")
package cn.jl.govit.approval.decision;
