package cn.jl.govit.planning.web;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.jl.govit.rulebook.InvalidInputException;

/**
 * Reads the first sheet of a filled demand-plan template (.xlsx) into one set of cell values per row, with what
 * is wrong with each cell's format. It decides nothing about the demands themselves: bean validation and the
 * planning service judge the values afterwards, exactly as for a demand filed alone.
 * <p>
 * Row 1 is the header and must name the template's columns in order (in Chinese or English, the required marker
 * {@code *} optional). Rows whose cells are all blank are skipped; there is no example row (the instructions
 * sheet shows one instead), so every non-blank row is a demand. A formula cell is refused, as a template value
 * must be a value and not something a spreadsheet computed. Money is read exactly: a number cell through the
 * text Excel shows for it ({@link NumberToTextConverter}, never double arithmetic), a text cell as written, both
 * with at most 2 decimals. A file that is not an .xlsx workbook, a wrong header row or more data rows than the
 * limit is a {@code 400} naming {@code file}.
 */
final class DemandImportSheet {

    /** The kinds of cell the template has. */
    enum Kind {
        /** free text */
        TEXT,
        /** yuan, at most 2 decimals */
        MONEY,
        /** one value of a drop-down list: its label or its value */
        CHOICE,
        /** several codes separated by commas, 、 or spaces */
        CODES
    }

    /** A column of the template: the demand field it fills. */
    record Column(String field, Kind kind, boolean required) {
    }

    /** The template's columns in order: every field of a demand (NewDemand). */
    static final List<Column> COLUMNS = List.of(
            new Column("title", Kind.TEXT, true),
            new Column("content", Kind.TEXT, true),
            new Column("estimate", Kind.MONEY, true),
            new Column("planItemCode", Kind.CHOICE, true),
            new Column("participatingOrganizationCodes", Kind.CODES, false));

    /** What is wrong with a cell: its row as the spreadsheet shows it, its field, a message key and arguments. */
    record CellError(int row, String field, String messageKey, List<Object> args) {
    }

    /** One non-blank data row: its row number and the values read (text, BigDecimal, List of codes). */
    record ParsedRow(int row, Map<String, Object> values) {

        String text(String field) {
            return (String) values.get(field);
        }

        BigDecimal money(String field) {
            return (BigDecimal) values.get(field);
        }

        @SuppressWarnings("unchecked")
        List<String> codes(String field) {
            Object v = values.get(field);
            return v == null ? List.of() : (List<String>) v;
        }
    }

    /** The rows read and the cell errors found; a row with an error is not among {@code rows}. */
    record Parsed(List<ParsedRow> rows, List<CellError> errors) {
    }

    private static final Pattern MONEY_TEXT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern CODE_SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    private DemandImportSheet() {
    }

    /**
     * @param bytes the uploaded file
     * @param headers for each column of {@link #COLUMNS}, the header texts accepted (both languages)
     * @param choices for the {@link Kind#CHOICE} column, each drop-down label with the value it stands for; when
     *        empty any text is taken as the value (the service then says what is wrong)
     * @param maxRows the most data rows a file may hold
     */
    static Parsed read(byte[] bytes, List<Set<String>> headers, Map<String, String> choices, int maxRows) {
        if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("file", "planning.import.not-xlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "planning.import.not-xlsx");
            }
            return read(workbook.getSheetAt(0), headers, choices, maxRows);
        }
        catch (InvalidInputException e) {
            throw e;
        }
        catch (Exception | LinkageError e) {
            // POI reports a corrupt or foreign file (zip bomb included) with assorted exceptions; all mean the same here
            throw new InvalidInputException("file", "planning.import.not-xlsx");
        }
    }

    static Parsed read(Sheet sheet, List<Set<String>> headers, Map<String, String> choices, int maxRows) {
        checkHeader(sheet.getRow(0), headers);
        List<ParsedRow> rows = new ArrayList<>();
        List<CellError> errors = new ArrayList<>();
        int dataRows = 0;
        for (Row row : sheet) {
            if (row.getRowNum() == 0 || isBlank(row)) {
                continue;
            }
            if (++dataRows > maxRows) {
                throw new InvalidInputException("file", "planning.import.too-many-rows", maxRows);
            }
            int number = row.getRowNum() + 1;
            Map<String, Object> values = new LinkedHashMap<>();
            List<CellError> rowErrors = new ArrayList<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                Column column = COLUMNS.get(c);
                Cell cell = row.getCell(c);
                if (cell != null && cell.getCellType() == CellType.FORMULA) {
                    rowErrors.add(new CellError(number, column.field(), "planning.import.cell.formula", List.of()));
                    continue;
                }
                if (cell != null && cell.getCellType() == CellType.ERROR) {
                    rowErrors.add(new CellError(number, column.field(), "planning.import.cell.invalid", List.of()));
                    continue;
                }
                try {
                    Object value = value(cell, column, choices);
                    if (value == null && column.required()) {
                        rowErrors.add(new CellError(number, column.field(), "planning.import.cell.required", List.of()));
                    }
                    else if (value != null) {
                        values.put(column.field(), value);
                    }
                }
                catch (CellFormatException e) {
                    rowErrors.add(new CellError(number, column.field(), e.getMessage(), e.args));
                }
            }
            if (rowErrors.isEmpty()) {
                rows.add(new ParsedRow(number, values));
            }
            errors.addAll(rowErrors);
        }
        if (dataRows == 0) {
            throw new InvalidInputException("file", "planning.import.empty");
        }
        return new Parsed(rows, errors);
    }

    private static void checkHeader(Row header, List<Set<String>> headers) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            Cell cell = header == null ? null : header.getCell(c);
            String text = cell != null && cell.getCellType() == CellType.STRING ? normalizeHeader(cell.getStringCellValue()) : "";
            if (!headers.get(c).contains(text)) {
                throw new InvalidInputException("file", "planning.import.header", c + 1,
                        headers.get(c).stream().sorted().findFirst().orElse(""));
            }
        }
    }

    /** A header as compared: without the required marker and the spaces around it. */
    static String normalizeHeader(String text) {
        String t = text.strip();
        while (t.endsWith("*") || t.endsWith("＊")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t.toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(Row row) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null) {
                continue;
            }
            switch (cell.getCellType()) {
                case BLANK -> { }
                case STRING -> {
                    if (!cell.getStringCellValue().isBlank()) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static Object value(Cell cell, Column column, Map<String, String> choices) {
        if (cell == null) {
            return null;
        }
        return switch (column.kind()) {
            case MONEY -> money(cell);
            case TEXT -> text(cell);
            case CHOICE -> choice(text(cell), choices);
            case CODES -> codes(text(cell));
        };
    }

    private static String text(Cell cell) {
        String text = switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    throw new CellFormatException("planning.import.cell.text");
                }
                yield NumberToTextConverter.toText(cell.getNumericCellValue());
            }
            case BOOLEAN -> throw new CellFormatException("planning.import.cell.text");
            default -> "";
        };
        return text.isBlank() ? null : text.strip();
    }

    /** Yuan: a number cell as Excel shows it, or a text such as {@code 1234.56} or {@code 1,234.56}; at most 2 decimals. */
    static BigDecimal money(Cell cell) {
        String text = switch (cell.getCellType()) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    throw new CellFormatException("planning.import.cell.money");
                }
                yield NumberToTextConverter.toText(cell.getNumericCellValue());
            }
            case STRING -> cell.getStringCellValue().replaceAll("[,，\\s]", "");
            case BLANK -> "";
            default -> throw new CellFormatException("planning.import.cell.money");
        };
        if (text.isEmpty()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text);
        }
        catch (NumberFormatException e) {
            throw new CellFormatException("planning.import.cell.money");
        }
        if (!MONEY_TEXT.matcher(amount.toPlainString()).matches()) {
            throw new CellFormatException("planning.import.cell.money");
        }
        if (amount.scale() > 2) {
            BigDecimal stripped = amount.stripTrailingZeros();
            if (stripped.scale() > 2) {
                throw new CellFormatException("planning.import.cell.money");
            }
            amount = stripped;
        }
        return amount;
    }

    private static String choice(String text, Map<String, String> choices) {
        if (text == null || choices.isEmpty() || choices.containsValue(text)) {
            return text;
        }
        String value = choices.get(text);
        if (value == null) {
            throw new CellFormatException("planning.import.cell.choice", text);
        }
        return value;
    }

    private static List<String> codes(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(CODE_SEPARATORS.split(text)).filter(s -> !s.isBlank()).map(String::strip).toList();
    }

    /** A cell whose content is not of its column's kind; the message is the key. */
    private static final class CellFormatException extends RuntimeException {

        final List<Object> args;

        CellFormatException(String key, Object... args) {
            super(key, null, false, false);
            this.args = List.of(args);
        }
    }
}
