package cn.jl.govit.planning;

/** A participating department's construction scope and obligations in a shared project (Art. 15). */
public record Responsibility(String organizationCode, String constructionScope, String obligations) {
}
