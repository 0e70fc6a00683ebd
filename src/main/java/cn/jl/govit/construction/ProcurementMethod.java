package cn.jl.govit.construction;

/** Government Procurement Law methods (政府采购法). */
public enum ProcurementMethod {
    PUBLIC_TENDER, INVITED_TENDER, COMPETITIVE_NEGOTIATION, COMPETITIVE_CONSULTATION, SINGLE_SOURCE, REQUEST_FOR_QUOTATION, FRAMEWORK_AGREEMENT
}
