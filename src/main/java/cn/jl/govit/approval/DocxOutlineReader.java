package cn.jl.govit.approval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;

import cn.jl.govit.rulebook.InvalidInputException;

/**
 * Reads a Word (.docx) report into the chapters and sections of its outline. A heading is a paragraph whose
 * style is a heading ("Heading 1", "标题 2") or has an outline level, or a short paragraph numbered like a
 * heading ("第四章 项目建设方案", "4.4 政务信息资源…", "一、…"). Each heading is matched to the item whose title
 * it resembles most once numbering, spaces and punctuation are set aside (containment, or a bigram similarity of
 * at least {@value #THRESHOLD}); a number that agrees with the item's code ("4.4" and FS4.4) counts in its favour.
 * The text up to the next heading is the item's content.
 */
final class DocxOutlineReader {

    static final double THRESHOLD = 0.6;
    static final int MAX_HEADING = 60;

    private static final Pattern CHAPTER_NUMBER = Pattern.compile("^第([一二三四五六七八九十百零〇\\d]+)[章节部分篇]");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("^(\\d+(?:[.．]\\d+)*)[.．、]?(?=\\s|\\D|$)");
    private static final Pattern CHINESE_NUMBER = Pattern.compile("^([一二三四五六七八九十]+)[、.．]");
    private static final Pattern PAREN_NUMBER = Pattern.compile("^[（(]([一二三四五六七八九十\\d]+)[）)]");
    private static final Pattern NOISE = Pattern.compile("[\\p{P}\\p{S}\\s\\u3000]+");

    DocxImport read(byte[] bytes, SubmissionOutline outline) {
        if (bytes == null || bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
            throw new InvalidInputException("file", "submission.docx.invalid");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            return read(document, outline);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "submission.docx.invalid");
        }
    }

    DocxImport read(XWPFDocument document, SubmissionOutline outline) {
        List<OutlineItem> items = outline.items();
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        Set<String> matched = new HashSet<>();
        StringBuilder current = null;
        String parentNumber = null;
        for (IBodyElement element : document.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                String text = clean(p.getText());
                if (text.isBlank()) {
                    if (current != null && !current.isEmpty()) {
                        current.append('\n');
                    }
                    continue;
                }
                Heading heading = heading(document, p, text);
                if (heading != Heading.NONE) {
                    OutlineItem item = match(text, items, parentNumber);
                    if (item == null && heading == Heading.NUMBERED) {
                        append(current, text);
                        continue;
                    }
                    if (item == null) {
                        unmatched.add(text.strip());
                        current = null;
                        continue;
                    }
                    matched.add(item.code());
                    if (item.hasSections()) {
                        parentNumber = number(item.code());
                        current = null;
                    }
                    else {
                        current = texts.computeIfAbsent(item.code(), c -> new StringBuilder());
                    }
                    continue;
                }
                append(current, text);
            }
            else if (element instanceof XWPFTable table && current != null) {
                for (XWPFTableRow row : table.getRows()) {
                    List<String> cells = row.getTableCells().stream().map(c -> clean(c.getText()).strip()).toList();
                    append(current, "| " + String.join(" | ", cells) + " |");
                }
            }
        }
        Map<String, String> contents = new LinkedHashMap<>();
        for (OutlineItem leaf : outline.leaves()) {
            StringBuilder text = texts.get(leaf.code());
            if (text != null) {
                String content = text.toString().strip();
                contents.put(leaf.code(), content.length() > ChapterEntry.MAX_CONTENT
                        ? content.substring(0, ChapterEntry.MAX_CONTENT) : content);
            }
        }
        List<String> missing = outline.leaves().stream().map(OutlineItem::code).filter(c -> !matched.contains(c)).toList();
        return new DocxImport(contents, missing, unmatched);
    }

    private static void append(StringBuilder current, String text) {
        if (current == null) {
            return;
        }
        if (!current.isEmpty() && current.charAt(current.length() - 1) != '\n') {
            current.append('\n');
        }
        current.append(text);
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace("\u0000", "");
    }

    /** How a paragraph shows itself as a heading: by its style or outline level, by its numbering only, or not. */
    enum Heading { STYLED, NUMBERED, NONE }

    static Heading heading(XWPFDocument document, XWPFParagraph p, String text) {
        if (text.strip().length() > MAX_HEADING * 2) {
            return Heading.NONE;
        }
        if (outlineLevel(p.getCTP().getPPr()) != null) {
            return Heading.STYLED;
        }
        String styleId = p.getStyle();
        if (styleId != null) {
            if (headingName(styleId)) {
                return Heading.STYLED;
            }
            XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
            for (int depth = 0; style != null && depth < 5; depth++) {
                if (headingName(style.getName()) || (style.getCTStyle().getPPr() != null
                        && style.getCTStyle().getPPr().getOutlineLvl() != null)) {
                    return Heading.STYLED;
                }
                String base = style.getBasisStyleID();
                style = base == null ? null : document.getStyles().getStyle(base);
            }
        }
        String stripped = text.strip();
        boolean numbered = stripped.length() <= MAX_HEADING && !stripped.matches(".*[。；;，,：:]$")
                && (CHAPTER_NUMBER.matcher(stripped).find() || CHINESE_NUMBER.matcher(stripped).find()
                        || PAREN_NUMBER.matcher(stripped).find()
                        || DECIMAL_NUMBER.matcher(stripped).find() && stripped.length() <= 40);
        return numbered ? Heading.NUMBERED : Heading.NONE;
    }

    private static BigInteger outlineLevel(CTPPr ppr) {
        return ppr == null || ppr.getOutlineLvl() == null ? null : ppr.getOutlineLvl().getVal();
    }

    private static boolean headingName(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT).replace(" ", "");
        return n.matches("heading\\d") || n.matches("标题\\d?") || n.equals("title");
    }

    /** The outline item a heading names, or {@code null}. */
    static OutlineItem match(String heading, List<OutlineItem> items, String parentNumber) {
        String number = headingNumber(heading);
        String title = normalise(stripNumber(heading));
        if (title.isEmpty()) {
            return null;
        }
        OutlineItem best = null;
        double bestScore = 0;
        for (OutlineItem item : items) {
            double score = similarity(title, normalise(item.title()));
            if (number != null) {
                String code = number(item.code());
                if (number.equals(code) || (parentNumber != null && !number.contains(".")
                        && (parentNumber + "." + number).equals(code))) {
                    score += 0.15;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = item;
            }
        }
        return bestScore >= THRESHOLD ? best : null;
    }

    /** The number of a heading: "第四章" ⇒ 4, "4.4" ⇒ 4.4, "一、" ⇒ 1, or {@code null}. */
    static String headingNumber(String heading) {
        String h = heading.strip();
        Matcher m = CHAPTER_NUMBER.matcher(h);
        if (m.find()) {
            return String.valueOf(chineseNumber(m.group(1)));
        }
        m = DECIMAL_NUMBER.matcher(h);
        if (m.find()) {
            return m.group(1).replace('．', '.');
        }
        m = CHINESE_NUMBER.matcher(h);
        if (m.find()) {
            return String.valueOf(chineseNumber(m.group(1)));
        }
        m = PAREN_NUMBER.matcher(h);
        if (m.find()) {
            return String.valueOf(chineseNumber(m.group(1)));
        }
        return null;
    }

    static String stripNumber(String heading) {
        String h = heading.strip();
        for (Pattern p : List.of(CHAPTER_NUMBER, DECIMAL_NUMBER, CHINESE_NUMBER, PAREN_NUMBER)) {
            Matcher m = p.matcher(h);
            if (m.find()) {
                return h.substring(m.end());
            }
        }
        return h;
    }

    /** Letters and digits only: no spaces, no punctuation, full-width forms folded. */
    static String normalise(String text) {
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        return NOISE.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** 1 for containment of a long enough title, else the Dice coefficient of character bigrams. */
    static double similarity(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (a.equals(b)) {
            return 1.2;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = a.length() <= b.length() ? b : a;
        double dice = dice(a, b);
        if (shorter.length() >= 4 && longer.contains(shorter)) {
            return Math.max(dice, 0.6 + 0.4 * shorter.length() / longer.length());
        }
        return dice;
    }

    private static double dice(String a, String b) {
        List<String> x = bigrams(a);
        List<String> y = new ArrayList<>(bigrams(b));
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String g : x) {
            if (y.remove(g)) {
                common++;
            }
        }
        return 2.0 * common / (x.size() + bigrams(b).size());
    }

    private static List<String> bigrams(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }

    /** The number part of a code: FS4.4 ⇒ 4.4, PD10 ⇒ 10, EM1 ⇒ 1. */
    static String number(String code) {
        return code.replaceFirst("^[A-Z]+", "");
    }

    static int chineseNumber(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String digits = "零一二三四五六七八九";
        int value = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = digits.indexOf(c == '〇' ? '零' : c);
            if (d >= 0) {
                current = d;
            }
            else if (c == '十') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百') {
                value += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
        }
        return value + current;
    }
}
