package cn.jl.govit.planning;

/** One row of an imported annual demand plan: its row number as the spreadsheet shows it, and its demand. */
public record DemandImportRow(int row, NewDemand demand) {
}
