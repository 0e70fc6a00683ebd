package cn.jl.govit.funding;

/** The level of government that takes a share of a province–city–county project (Art. 25). */
public enum GovernmentLevel {
    PROVINCIAL, CITY, COUNTY
}
