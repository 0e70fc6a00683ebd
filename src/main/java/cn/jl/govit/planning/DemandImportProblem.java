package cn.jl.govit.planning;

import java.util.List;

/**
 * Why one row of an imported annual demand plan is refused: its row number as the spreadsheet shows it (the
 * header is row 1), the demand field at fault ({@code participatingOrganizationCodes[1]}) and a message key.
 */
public record DemandImportProblem(int row, String field, String messageKey, List<Object> args) {

    public DemandImportProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
