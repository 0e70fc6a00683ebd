package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.InvalidInputException;

/** Word reports read into the outline: headings by style, outline level or numbering, with small wording differences. */
class DocxOutlineReaderTests {

    private final SubmissionOutline fs = new Outlines().forSubmission(Stage.FEASIBILITY_STUDY, false, false);

    /** A feasibility study with every chapter and section but FS7, headings styled Heading1/Heading2. */
    static byte[] feasibilityStudyWithout(SubmissionOutline outline, String missingCode) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            styles.addStyle(headingStyle("Heading1", "heading 1", 0));
            styles.addStyle(headingStyle("Heading2", "heading 2", 1));
            paragraph(doc, null, "吉林省社保卡服务平台可行性研究报告");
            String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
            for (int i = 0; i < outline.main().chapters().size(); i++) {
                OutlineItem chapter = outline.main().chapters().get(i);
                if (chapter.code().equals(missingCode)) {
                    continue;
                }
                paragraph(doc, "Heading1", "第" + numerals[i] + "章  " + chapter.title());
                if (!chapter.hasSections()) {
                    paragraph(doc, null, chapter.title() + "的正文。");
                    paragraph(doc, null, "第二段。");
                }
                for (OutlineItem section : chapter.sections()) {
                    paragraph(doc, "Heading2", section.code().substring(2) + " " + section.title());
                    paragraph(doc, null, section.title() + "的正文。");
                }
            }
            paragraph(doc, "Heading1", "附录 术语表");
            paragraph(doc, null, "SM2：国密算法。");
            doc.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aHeadingStyledReportWithOneChapterMissingNamesThatChapter() throws IOException {
        DocxImport result = new DocxOutlineReader().read(feasibilityStudyWithout(fs, "FS7"), fs);

        assertThat(result.missing()).containsExactly("FS7");
        assertThat(result.unmatchedHeadings()).containsExactly("附录 术语表");
        assertThat(result.contents()).containsKeys("FS1", "FS4.4", "FS4.14", "FS10").doesNotContainKeys("FS4", "FS7");
        assertThat(result.contents().get("FS1")).isEqualTo("项目概述的正文。\n第二段。");
        assertThat(result.contents().get("FS4.4")).isEqualTo("政务信息资源目录和政务信息资源共享方案的正文。");
        assertThat(result.contents().get("FS10")).doesNotContain("SM2");
    }

    @Test
    void outlineLevelsAndNumberingAlsoMakeHeadingsAndWordingMayDiffer() throws IOException {
        byte[] docx;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph level = doc.createParagraph();
            level.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
            level.createRun().setText("一、项目 概述");
            paragraph(doc, null, "概述正文。");
            paragraph(doc, null, "4.4 政务信息资源目录与信息资源共享方案");
            paragraph(doc, null, "共享正文。");
            paragraph(doc, null, "1. 系统应支持国产数据库");
            paragraph(doc, null, "（三）需求分析及项目建设必要性");
            paragraph(doc, null, "必要性正文。");
            doc.write(out);
            docx = out.toByteArray();
        }

        DocxImport result = new DocxOutlineReader().read(docx, fs);

        assertThat(result.contents()).containsOnlyKeys("FS1", "FS4.4", "FS3");
        assertThat(result.contents().get("FS4.4")).isEqualTo("共享正文。\n1. 系统应支持国产数据库");
        assertThat(result.unmatchedHeadings()).isEmpty();
        assertThat(result.missing()).contains("FS2", "FS4.1").doesNotContain("FS1", "FS3", "FS4.4");
    }

    @Test
    void similarityToleratesNumberingSpacesPunctuationAndSmallWordingDifferences() {
        List<OutlineItem> items = fs.items();
        assertThat(DocxOutlineReader.match("第四章 项目建设方案", items, null).code()).isEqualTo("FS4");
        assertThat(DocxOutlineReader.match("4.9、安全系统建设方案", items, "4").code()).isEqualTo("FS4.9");
        assertThat(DocxOutlineReader.match("八、 投资估算及资金来源", items, null).code()).isEqualTo("FS8");
        assertThat(DocxOutlineReader.match("项目风险与风险管理", items, null).code()).isEqualTo("FS10");
        assertThat(DocxOutlineReader.match("致谢", items, null)).isNull();
        assertThat(DocxOutlineReader.headingNumber("第十二章 其他")).isEqualTo("12");
        assertThat(DocxOutlineReader.chineseNumber("二十三")).isEqualTo(23);
    }

    @Test
    void anythingButADocxIsRefusedAsTheFileField() {
        assertThatThrownBy(() -> new DocxOutlineReader().read("not a word file".getBytes(), fs))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("file"));
        assertThatThrownBy(() -> new DocxOutlineReader().read(new byte[] {'P', 'K', 3, 4, 0, 0}, fs))
                .isInstanceOf(InvalidInputException.class);
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        p.createRun().setText(text);
    }

    private static XWPFStyle headingStyle(String id, String name, int level) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level));
        return new XWPFStyle(ct);
    }
}
