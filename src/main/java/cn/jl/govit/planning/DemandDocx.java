package cn.jl.govit.planning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import cn.jl.govit.rulebook.InvalidInputException;

/**
 * The text of a demand filed as a Word (.docx) file (需求征报书): its paragraphs and its tables' cells, one a
 * line, and its first heading or title paragraph, if any. A file POI cannot open, or one without text, is
 * refused with {@code 400} on field {@code file}.
 */
public record DemandDocx(String heading, String text) {

    public static final int MAX_TITLE = 200;

    public static DemandDocx read(byte[] bytes) {
        if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("file", "planning.demand.docx-invalid");
        }
        DemandDocx docx;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            docx = read(document);
        }
        catch (IOException | RuntimeException e) {
            throw new InvalidInputException("file", "planning.demand.docx-invalid");
        }
        if (docx.text().isBlank()) {
            throw new InvalidInputException("file", "planning.demand.docx-empty");
        }
        return docx;
    }

    static DemandDocx read(XWPFDocument document) {
        List<String> lines = new ArrayList<>();
        String heading = null;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                String text = clean(p.getText());
                if (!text.isEmpty()) {
                    lines.add(text);
                    if (heading == null && isHeading(document, p)) {
                        heading = text;
                    }
                }
            }
            else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        String text = clean(cell.getText());
                        if (!text.isEmpty()) {
                            lines.add(text);
                        }
                    }
                }
            }
        }
        return new DemandDocx(heading, String.join("\n", lines));
    }

    /** The title: the one given, else the document's heading, else the file name without its extension. */
    public String title(String given, String fileName) {
        String title = given != null && !given.isBlank() ? given.strip()
                : heading != null ? heading
                : baseName(fileName);
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
    }

    static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).strip();
    }

    private static boolean isHeading(XWPFDocument document, XWPFParagraph p) {
        if (p.getCTP().getPPr() != null && p.getCTP().getPPr().getOutlineLvl() != null) {
            return true;
        }
        String styleId = p.getStyle();
        if (styleId == null) {
            return false;
        }
        if (headingName(styleId)) {
            return true;
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
        for (int depth = 0; style != null && depth < 5; depth++) {
            if (headingName(style.getName())) {
                return true;
            }
            String base = style.getBasisStyleID();
            style = base == null ? null : document.getStyles().getStyle(base);
        }
        return false;
    }

    private static boolean headingName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
        return n.startsWith("heading") || n.equals("title") || n.startsWith("标题");
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\u00A0', ' ').replace("\r", "").strip();
    }
}
