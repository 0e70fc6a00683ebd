package cn.jl.govit.planning;

/** One construction item of the provincial plan, identified by its code within a plan version. */
public record PlanItem(String code, String title) {
}
