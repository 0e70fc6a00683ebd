package cn.jl.govit.rulebook;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way a list is exported as a workbook, so that every export controller holds the pool the same way
 * (issue 8). An export is one of at most one per core ({@link SpreadsheetExport#limited}): the others queue before
 * taking a connection, so fifty simultaneous exports wait instead of exhausting the pool (503). Its rows are read and
 * the export audited in one transaction, so that the pages agree and the audit event commits with the read; the
 * workbook, CPU work of about a second per 10,000 rows, is written after that transaction, so that no connection
 * is held while cells are formatted.
 */
@Component
public class ListExports {

    private final TransactionTemplate transaction;

    ListExports(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param readAndAudit reads the rows (refusing too many with {@link SpreadsheetExport#requireWithin} or
     *        {@link SpreadsheetExport#allPages}), records the export in the audit log and answers the sheet; it runs
     *        in a transaction, and whatever it throws propagates with nothing written
     * @return the .xlsx bytes
     */
    public byte[] export(Supplier<SpreadsheetExport.Sheet> readAndAudit) {
        return SpreadsheetExport.limited(() -> {
            SpreadsheetExport.Sheet sheet = transaction.execute(tx -> readAndAudit.get());
            return SpreadsheetExport.write(sheet.title(), sheet.headers(), sheet.rows());
        });
    }
}
