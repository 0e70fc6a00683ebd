package cn.jl.govit.rulebook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes a list as an .xlsx workbook for download: one sheet, a bold frozen header row, dates as real date
 * cells ({@code yyyy-mm-dd}), money as numbers ({@code #,##0.00}) and every text as a plain string cell.
 * <p>
 * It never writes a formula. A text that a spreadsheet program would take for one (starting with {@code = + - @},
 * their full-width forms, or a control character such as a tab or CR) is written with the quote prefix, so Excel
 * and WPS show it as text instead of evaluating it (OWASP formula injection); control characters are removed,
 * as a project name typed by a department is no trusted input. It lives in the shared kernel rather than the
 * document module because the project module, which the document module depends on, exports its list too.
 * Rows are streamed ({@link SXSSFWorkbook}) so a long list does not sit in memory as a DOM.
 */
public final class SpreadsheetExport {

    /**
     * Writing a workbook is CPU work (a second for 10,000 rows): more at once than there are cores only adds memory
     * and slows every one of them, so further exports wait their turn, in order, instead (issue 8).
     */
    private static final Semaphore WRITERS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);

    /** The content type of an .xlsx file. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MIN_WIDTH_CHARS = 8;
    private static final int MAX_WIDTH_CHARS = 60;
    private static final String FORMULA_STARTS = "=+-@＝＋－＠";

    private SpreadsheetExport() {
    }

    /**
     * The language of the headers: {@code ?lang=en} or {@code ?lang=zh} when given (a download link is shared
     * without headers), else the language the request resolved to (Accept-Language on the API, the switch on pages).
     */
    public static Locale language(String lang, Locale resolved) {
        if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        if (lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return resolved;
    }

    /**
     * Refuses an export of more rows than the configured maximum ({@code govit.export.max-rows}) with a 400
     * that says how many rows matched and how to narrow them, before any row is read.
     */
    public static void requireWithin(long rows, int maxRows) {
        if (rows > maxRows) {
            throw new InvalidInputException("export", "export.too-many-rows", rows, maxRows);
        }
    }

    /**
     * Every row of a paged list, page by page at the largest page size: refused with a 400 before reading when
     * the first page says more than {@code maxRows} match (see {@link #requireWithin}), cut at {@code maxRows}
     * should rows arrive meanwhile. Call it inside one read-only transaction so that the pages agree.
     *
     * @param fetch the list's query for a page number (0-based) at {@link Paging#MAX_SIZE}
     */
    public static <T> List<T> allPages(IntFunction<PageOf<T>> fetch, int maxRows) {
        PageOf<T> first = fetch.apply(0);
        requireWithin(first.totalElements(), maxRows);
        List<T> all = new ArrayList<>(first.content());
        for (int page = 1; first.content().size() >= Paging.MAX_SIZE && all.size() < maxRows; page++) {
            PageOf<T> batch = fetch.apply(page);
            all.addAll(batch.content());
            if (batch.content().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        return all.size() > maxRows ? List.copyOf(all.subList(0, maxRows)) : all;
    }

    /**
     * The download response of a workbook: its content type, an attachment file name (so a browser saves it
     * rather than opening it) and {@code no-store}, since an export may carry what a shared cache must not keep.
     */
    public static ResponseEntity<byte[]> attachment(String filename, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }

    /**
     * What an export has read: the sheet's name, its column headers in the reader's language and its rows, as
     * {@link #write} takes them. {@link ListExports} reads it inside a transaction and writes it after.
     */
    public record Sheet(String title, List<String> headers, List<? extends List<?>> rows) {
    }

    /**
     * @param title the sheet name (made safe for Excel)
     * @param headers the column headers, already in the reader's language
     * @param rows the rows; a cell is a {@link String}, {@link BigDecimal} (money), {@link LocalDate},
     *        {@link Integer} or {@link Long}, or {@code null} for an empty cell; anything else is written as its text
     * @return the .xlsx bytes
     */
    public static byte[] write(String title, List<String> headers, List<? extends List<?>> rows) {
        return limited(() -> writeWorkbook(title, headers, rows));
    }

    /**
     * Runs a whole export (its reading and its workbook) as one of at most one per core: an export waiting here
     * holds no connection of the pool, so fifty simultaneous exports queue instead of exhausting the pool (503).
     * Re-entrant: a workbook written inside an export takes no second permit. A list export goes through
     * {@link ListExports}, which calls it.
     */
    static <T> T limited(Supplier<T> export) {
        if (HOLDING.get()) {
            return export.get();
        }
        WRITERS.acquireUninterruptibly();
        HOLDING.set(true);
        try {
            return export.get();
        }
        finally {
            HOLDING.set(false);
            WRITERS.release();
        }
    }

    private static byte[] writeWorkbook(String title, List<String> headers, List<? extends List<?>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            Styles styles = new Styles(workbook);
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "Sheet1" : title));
            int[] widths = new int[headers.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                writeText(header.createCell(c), headers.get(c), styles.header, styles.headerQuoted);
                widths[c] = displayWidth(headers.get(c));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    int width = write(row.createCell(c), value, styles);
                    if (c < widths.length) {
                        widths[c] = Math.max(widths[c], width);
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                int chars = Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, widths[c] + 2));
                sheet.setColumnWidth(c, chars * 256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one cell and answers its width in characters. */
    private static int write(Cell cell, Object value, Styles styles) {
        if (value instanceof BigDecimal money) {
            cell.setCellValue(money.doubleValue());
            cell.setCellStyle(styles.money);
            return String.format("%,.2f", money).length();
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            return 10;
        }
        if (value instanceof Integer || value instanceof Long) {
            cell.setCellValue(((Number) value).longValue());
            cell.setCellStyle(styles.integer);
            return value.toString().length();
        }
        String text = value.toString();
        writeText(cell, text, styles.text, styles.quoted);
        return displayWidth(text);
    }

    private static void writeText(Cell cell, String raw, CellStyle plain, CellStyle quoted) {
        String text = withoutControlCharacters(raw);
        cell.setCellValue(text);
        cell.setCellStyle(looksLikeFormula(raw) ? quoted : plain);
    }

    /** Whether a spreadsheet program could read the text as a formula: by its first character before or after cleaning. */
    static boolean looksLikeFormula(String raw) {
        if (raw.isEmpty()) {
            return false;
        }
        char first = raw.charAt(0);
        if (Character.isISOControl(first)) {
            return true;
        }
        String text = withoutControlCharacters(raw).stripLeading();
        return FORMULA_STARTS.indexOf(first) >= 0 || (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0);
    }

    /** The text without control characters; a line break inside a text is kept, as a cell may hold several lines. */
    static String withoutControlCharacters(String raw) {
        StringBuilder clean = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (!Character.isISOControl(ch) || (ch == '\n' && clean.length() > 0)) {
                clean.append(ch);
            }
        }
        return clean.toString();
    }

    /** A CJK character takes about two Latin widths; the widest line counts. */
    private static int displayWidth(String text) {
        int widest = 0;
        for (String line : text.split("\n")) {
            int width = 0;
            for (int i = 0; i < line.length(); i++) {
                width += line.charAt(i) > 0x2E7F ? 2 : 1;
            }
            widest = Math.max(widest, width);
        }
        return widest;
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle headerQuoted;
        final CellStyle text;
        final CellStyle quoted;
        final CellStyle money;
        final CellStyle date;
        final CellStyle integer;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            headerQuoted = workbook.createCellStyle();
            headerQuoted.cloneStyleFrom(header);
            headerQuoted.setQuotePrefixed(true);
            text = workbook.createCellStyle();
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            var formats = workbook.createDataFormat();
            money = workbook.createCellStyle();
            money.setDataFormat(formats.getFormat("#,##0.00"));
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            integer = workbook.createCellStyle();
            integer.setDataFormat(formats.getFormat("0"));
        }
    }
}
