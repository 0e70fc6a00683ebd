package cn.jl.govit.planning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.InvalidInputException;

/** The row parser of the demand-plan template: cell formats, blank rows, the header row, file-level refusals. */
class DemandImportSheetTests {

    static final List<String> ZH = List.of("需求名称", "建设内容", "估算投资（元）", "规划项目", "参建部门代码");
    static final List<String> EN = List.of("Demand title", "Content", "Estimate (yuan)", "Plan item",
            "Participating departments (codes)");
    static final List<Set<String>> HEADERS = List.of(0, 1, 2, 3, 4).stream()
            .map(i -> Set.of(DemandImportSheet.normalizeHeader(ZH.get(i)), DemandImportSheet.normalizeHeader(EN.get(i))))
            .toList();
    static final Map<String, String> CHOICES = Map.of("A1 一网通办", "A1", "B2 数据共享", "B2");

    /** A workbook with the given header and rows; a value starting with "=" becomes a formula cell. */
    static byte[] workbook(List<String> header, List<List<Object>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("data");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> values = rows.get(r);
                if (values == null) {
                    continue;
                }
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    }
                    else if (v instanceof String s && s.startsWith("=")) {
                        row.createCell(c).setCellFormula(s.substring(1));
                    }
                    else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static DemandImportSheet.Parsed read(List<List<Object>> rows) throws IOException {
        return DemandImportSheet.read(workbook(ZH, rows), HEADERS, CHOICES, 500);
    }

    static List<Object> row(Object... values) {
        return java.util.Arrays.asList(values);
    }

    @Test
    void aGoodRowGivesItsValuesWithTheMoneyExactAndTheDropDownLabelAsItsCode() throws IOException {
        var parsed = read(List.of(
                row("社保卡", "建设内容", "3,000,000.50", "A1 一网通办", "WJW、JYT"),
                row("医保", "内容", 1234.56, "B2", null)));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(DemandImportSheet.ParsedRow::row).containsExactly(2, 3);
        var first = parsed.rows().get(0);
        assertThat(first.text("title")).isEqualTo("社保卡");
        assertThat(first.money("estimate")).isEqualByComparingTo("3000000.50").hasToString("3000000.50");
        assertThat(first.text("planItemCode")).isEqualTo("A1");
        assertThat(first.codes("participatingOrganizationCodes")).containsExactly("WJW", "JYT");
        var second = parsed.rows().get(1);
        assertThat(second.money("estimate")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(second.text("planItemCode")).isEqualTo("B2");
        assertThat(second.codes("participatingOrganizationCodes")).isEmpty();
    }

    @Test
    void aMissingRequiredCellNamesItsRowAndField() throws IOException {
        var parsed = read(List.of(row("社保卡", null, 100.0, "A1"), row("医保", "  ", 100.0, "A1")));

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(DemandImportSheet.CellError::row, DemandImportSheet.CellError::field,
                DemandImportSheet.CellError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "content", "planning.import.cell.required"),
                        org.assertj.core.groups.Tuple.tuple(3, "content", "planning.import.cell.required"));
    }

    @Test
    void aValueOutsideTheDropDownIsRefused() throws IOException {
        var parsed = read(List.of(row("社保卡", "内容", 100.0, "Z9 不存在")));

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("planItemCode");
            assertThat(e.messageKey()).isEqualTo("planning.import.cell.choice");
            assertThat(e.args()).containsExactly("Z9 不存在");
        });
    }

    @Test
    void moneyWithThreeDecimalsIsRefusedAsNumberOrText() throws IOException {
        var parsed = read(List.of(row("a", "b", 1234.567, "A1"), row("a", "b", "12.345", "A1"), row("a", "b", "十万", "A1"),
                row("a", "b", "1234.500", "A1"), row("a", "b", 0.1 + 0.2, "A1")));

        assertThat(parsed.errors()).extracting(DemandImportSheet.CellError::row).containsExactly(2, 3, 4);
        assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.messageKey()).isEqualTo("planning.import.cell.money"));
        // trailing zeros are no decimals; a number cell is read as Excel shows it, not as the binary double
        assertThat(parsed.rows()).extracting(r -> r.money("estimate")).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1234.50"), new BigDecimal("0.3"));
    }

    @Test
    void aFormulaCellIsRefusedEvenWhereItsValueWouldDo() throws IOException {
        var parsed = read(List.of(row("a", "b", "=1000+2000", "A1"), row("=\"名称\"", "b", 100.0, "A1")));

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).extracting(DemandImportSheet.CellError::row, DemandImportSheet.CellError::field,
                DemandImportSheet.CellError::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "estimate", "planning.import.cell.formula"),
                        org.assertj.core.groups.Tuple.tuple(3, "title", "planning.import.cell.formula"));
    }

    @Test
    void blankRowsAreSkippedAndRowsKeepTheirExcelNumbers() throws IOException {
        var parsed = read(java.util.Arrays.asList(row("a", "b", 1.0, "A1"), null, row(" ", "", null, null),
                row("c", "d", 2.0, "B2")));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(DemandImportSheet.ParsedRow::row).containsExactly(2, 5);
    }

    @Test
    void theHeaderRowIsCheckedInEitherLanguageWithOrWithoutTheRequiredMarker() throws IOException {
        List<String> marked = List.of("Demand title *", "Content *", "Estimate (yuan) *", "Plan item *",
                "Participating departments (codes)");
        assertThat(DemandImportSheet.read(workbook(marked, List.of(row("a", "b", 1.0, "A1"))), HEADERS, CHOICES, 500).rows())
                .hasSize(1);

        List<String> swapped = List.of("建设内容", "需求名称", "估算投资（元）", "规划项目", "参建部门代码");
        assertThatThrownBy(() -> DemandImportSheet.read(workbook(swapped, List.of(row("a", "b", 1.0, "A1"))), HEADERS, CHOICES, 500))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(f -> {
                        assertThat(f.field()).isEqualTo("file");
                        assertThat(f.messageKey()).isEqualTo("planning.import.header");
                        assertThat(f.args().get(0)).isEqualTo(1);
                    });
                });
    }

    @Test
    void moreRowsThanTheLimitEmptyFilesAndForeignFilesAreRefusedNamingTheFile() throws IOException {
        byte[] three = workbook(ZH, List.of(row("a", "b", 1.0, "A1"), row("a", "b", 1.0, "A1"), row("a", "b", 1.0, "A1")));
        assertThat(DemandImportSheet.read(three, HEADERS, CHOICES, 3).rows()).hasSize(3);
        assertRefused(() -> DemandImportSheet.read(three, HEADERS, CHOICES, 2), "planning.import.too-many-rows");
        assertRefused(() -> DemandImportSheet.read(workbook(ZH, List.of()), HEADERS, CHOICES, 2), "planning.import.empty");
        assertRefused(() -> DemandImportSheet.read("a,b,c".getBytes(StandardCharsets.UTF_8), HEADERS, CHOICES, 2),
                "planning.import.not-xlsx");
        byte[] truncated = java.util.Arrays.copyOf(three, three.length / 2);
        assertRefused(() -> DemandImportSheet.read(truncated, HEADERS, CHOICES, 2), "planning.import.not-xlsx");
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("file");
                    assertThat(f.messageKey()).isEqualTo(key);
                }));
    }
}
