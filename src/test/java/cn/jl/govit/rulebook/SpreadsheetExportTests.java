package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SpreadsheetExportTests {

    private static final List<String> ATTACKS = List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\t=1",
            "\r=1+1", "＝1+1", " =1");

    @Test
    void formulaLikeTextsComeBackAsQuotedStringsAndNothingIsAFormula() throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (String attack : ATTACKS) {
            rows.add(List.of(attack, "plain"));
        }
        try (XSSFWorkbook book = reopen(SpreadsheetExport.write("t", List.of("=A", "B"), rows))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertNoFormula(sheet);
            for (int r = 1; r <= ATTACKS.size(); r++) {
                Cell cell = sheet.getRow(r).getCell(0);
                assertThat(cell.getCellType()).as(ATTACKS.get(r - 1)).isEqualTo(CellType.STRING);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as(ATTACKS.get(r - 1)).isTrue();
                assertThat(cell.getStringCellValue()).doesNotContain("\t", "\r");
                Cell plain = sheet.getRow(r).getCell(1);
                assertThat(plain.getCellType()).isEqualTo(CellType.STRING);
                assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
            }
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(sheet.getRow(5).getCell(0).getStringCellValue()).isEqualTo("=1");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void numbersAndDatesAreNumericCellsWithTheirFormats() throws IOException {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        List<List<?>> rows = List.of(Arrays.asList("项目甲", new BigDecimal("12345678.9"), leapDay, 36, 7L, null));
        try (XSSFWorkbook book = reopen(SpreadsheetExport.write("项目", List.of("名称", "金额", "日期", "月", "数", "空"), rows))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertNoFormula(sheet);
            Row row = sheet.getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(12345678.9);
            assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(2))).isTrue();
            assertThat(row.getCell(2).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(leapDay);
            assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(36);
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(7);
            assertThat(row.getCell(5)).isNull();
        }
    }

    @Test
    void headerRowIsBoldAndFrozen() throws IOException {
        try (XSSFWorkbook book = reopen(SpreadsheetExport.write("项目/列表", List.of("项目编号", "项目名称"), List.of()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目名称");
            assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).isGreaterThanOrEqualTo(8 * 256);
            assertThat(sheet.getLastRowNum()).isZero();
        }
    }

    @Test
    void manyRowsStreamThrough() throws IOException {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(List.of("p" + i, new BigDecimal(i)));
        }
        try (XSSFWorkbook book = reopen(SpreadsheetExport.write("t", List.of("a", "b"), rows))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1000);
            assertThat(book.getSheetAt(0).getRow(1000).getCell(0).getStringCellValue()).isEqualTo("p999");
        }
    }

    @Test
    void theRowCapAllowsExactlyTheMaximumAndRefusesOneMore() {
        SpreadsheetExport.requireWithin(100, 100);
        assertThatThrownBy(() -> SpreadsheetExport.requireWithin(101, 100))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.messageKey()).isEqualTo("export.too-many-rows");
                        assertThat(f.args()).containsExactly(101L, 100);
                    });
                });
    }

    @Test
    void controlCharactersAreRemovedButALineBreakInsideStays() {
        assertThat(SpreadsheetExport.withoutControlCharacters("\t\u0000a\u0007b\nc")).isEqualTo("ab\nc");
        assertThat(SpreadsheetExport.looksLikeFormula("项目=1")).isFalse();
        assertThat(SpreadsheetExport.looksLikeFormula("")).isFalse();
    }

    @Test
    void anExplicitLanguageParameterWinsOverTheResolvedOne() {
        assertThat(SpreadsheetExport.language("en", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(SpreadsheetExport.language("zh-CN", java.util.Locale.ENGLISH)).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(SpreadsheetExport.language(null, java.util.Locale.ENGLISH)).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(SpreadsheetExport.language("fr", java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
    }

    static XSSFWorkbook reopen(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    static void assertNoFormula(XSSFSheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            }
        }
    }
}
