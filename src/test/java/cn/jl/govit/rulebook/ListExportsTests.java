package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.jl.govit.support.GovItTest;

/**
 * The one export path of every list (issue 8), on the application's real transaction manager and pool: the rows are
 * read in a transaction that commits, the workbook is written after it (no transaction while cells are formatted),
 * a refused or failed read propagates, rolls back and frees its turn, and no more exports than cores run at once.
 */
@GovItTest
class ListExportsTests {

    private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

    @Autowired
    ListExports exports;

    @Test
    void readsInACommittedTransactionAndWritesTheWorkbookAfterIt() throws Exception {
        AtomicBoolean readInTransaction = new AtomicBoolean();
        AtomicInteger completion = new AtomicInteger(-1);
        AtomicReference<Boolean> transactionWhileWriting = new AtomicReference<>();
        // the workbook writes a cell of an unknown type as its text: this cell reports whether a transaction was
        // still open when the workbook was being written
        Object probe = new Object() {
            @Override
            public String toString() {
                transactionWhileWriting.set(TransactionSynchronizationManager.isActualTransactionActive());
                return "probe";
            }
        };
        byte[] bytes = exports.export(() -> {
            readInTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    completion.set(status);
                }
            });
            assertThat(transactionWhileWriting.get()).isNull();
            return new SpreadsheetExport.Sheet("列表", List.of("名称", "金额", "日期", "探针"), List.of(
                    Arrays.asList("甲", new BigDecimal("1234.50"), LocalDate.of(2026, 2, 28), probe),
                    Arrays.asList("=1+1", null, null, null)));
        });

        assertThat(readInTransaction).isTrue();
        assertThat(completion).hasValue(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(transactionWhileWriting.get()).as("a transaction was open while the workbook was written").isFalse();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("列表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("名称");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("探针");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲");
            assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(1234.5);
            assertThat(sheet.getRow(1).getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 28));
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("probe");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(sheet.getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedReadPropagatesRollsBackAndFreesItsTurn() {
        AtomicInteger completion = new AtomicInteger(-1);
        // more refusals than there are turns: a turn not given back would leave the export below waiting forever
        for (int i = 0; i <= CORES; i++) {
            assertThatThrownBy(() -> exports.export(() -> {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        completion.set(status);
                    }
                });
                SpreadsheetExport.requireWithin(3, 2);
                return new SpreadsheetExport.Sheet("t", List.of("a"), List.of());
            })).isInstanceOf(InvalidInputException.class);
            assertThat(completion).hasValue(TransactionSynchronization.STATUS_ROLLED_BACK);
            completion.set(-1);
        }
        IllegalStateException failure = new IllegalStateException("read failed");
        assertThatThrownBy(() -> exports.export(() -> {
            throw failure;
        })).isSameAs(failure);

        byte[] bytes = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> exports.export(() -> new SpreadsheetExport.Sheet("t", List.of("a"), List.of(List.of("x")))));
        assertThat(bytes).isNotEmpty();
    }

    @Test
    void noMoreExportsThanCoresReadAtOnceTheOthersWaitOutsideATransaction() throws Exception {
        AtomicInteger reading = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int exportsAtOnce = 2 * CORES + 2;
        ExecutorService threads = Executors.newFixedThreadPool(exportsAtOnce);
        try {
            List<Future<byte[]>> done = new ArrayList<>();
            for (int i = 0; i < exportsAtOnce; i++) {
                done.add(threads.submit(() -> exports.export(() -> {
                    most.accumulateAndGet(reading.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(150);
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reading.decrementAndGet();
                    return new SpreadsheetExport.Sheet("t", List.of("a"), List.of(List.of("x")));
                })));
            }
            for (Future<byte[]> export : done) {
                assertThat(export.get()).isNotEmpty();
            }
        }
        finally {
            threads.shutdownNow();
        }
        // each read holds one connection of the pool: at most one per core, yet not one export after the other
        assertThat(most.get()).isBetween(Math.min(CORES, 2), CORES);
    }
}
