package cn.jl.govit.document.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/** Renders the platform's documents as PDF with the embedded Noto Sans SC font. */
@Component
public class PdfRenderer {

    private static final String REGULAR = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String BOLD = "/fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    /** The fonts (10 MB each) load on the first rendering, not at start-up. */
    private static final class Fonts {
        static final BaseFont REGULAR_FONT = font(REGULAR);
        static final BaseFont BOLD_FONT = font(BOLD);
    }

    /** The approval reply in the usual layout of an official reply: title, number, addressee, body, issuer, date. */
    public byte[] approvalReply(ApprovalReply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 72, 72);
        PdfWriter.getInstance(document, out);
        document.addTitle(title(reply));
        document.addAuthor(reply.issuerName());
        document.addSubject(reply.projectCode() + " " + reply.stageName());
        document.open();
        BaseFont regular = Fonts.REGULAR_FONT;
        BaseFont bold = Fonts.BOLD_FONT;
        Font heading = new Font(bold, 18);
        Font body = new Font(regular, 12);
        Font small = new Font(regular, 11);

        Paragraph issuer = new Paragraph(reply.issuerName(), new Font(bold, 22, Font.NORMAL, new java.awt.Color(0xB0, 0x1C, 0x1C)));
        issuer.setAlignment(Element.ALIGN_CENTER);
        document.add(issuer);
        Paragraph number = new Paragraph(reply.documentNumber(), small);
        number.setAlignment(Element.ALIGN_CENTER);
        number.setSpacingAfter(18);
        document.add(number);
        Paragraph title = new Paragraph(title(reply), heading);
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(18);
        document.add(title);
        document.add(new Paragraph(reply.addressee() + "：", body));
        add(document, body, "    你单位报送的" + reply.projectName() + "（项目编号 " + reply.projectCode() + "）"
                + reply.stageName() + "收悉。经审查，现批复如下：");
        int n = 1;
        add(document, body, "    " + numeral(n++) + "、审批结论：" + reply.outcome() + "。");
        if (reply.approvedInvestment() != null) {
            add(document, body, "    " + numeral(n++) + "、核定投资：" + new DecimalFormat("#,##0.00").format(reply.approvedInvestment()) + " 元。");
        }
        if (reply.constructionPeriodMonths() != null) {
            add(document, body, "    " + numeral(n++) + "、建设期：" + reply.constructionPeriodMonths() + " 个月。");
        }
        add(document, body, "    " + numeral(n++) + "、信息资源共享意见：" + nonBlank(reply.sharingOpinion()));
        add(document, body, "    " + numeral(n) + "、审批意见：" + nonBlank(reply.opinion()));
        add(document, body, "    依据《吉林省政务信息化项目建设管理办法》第九条、第十三条。");
        Paragraph signature = new Paragraph(reply.issuerName(), body);
        signature.setAlignment(Element.ALIGN_RIGHT);
        signature.setSpacingBefore(36);
        document.add(signature);
        Paragraph date = new Paragraph(CHINESE_DATE.format(reply.issuedOn()), body);
        date.setAlignment(Element.ALIGN_RIGHT);
        document.add(date);
        Paragraph note = new Paragraph("本批复以 SM2（SM3withSM2）签名，可在平台验证或用公开的公钥离线验证。", small);
        note.setSpacingBefore(36);
        document.add(note);
        document.close();
        return out.toByteArray();
    }

    private static String title(ApprovalReply reply) {
        return "关于" + reply.projectName() + reply.stageName() + "的批复";
    }

    private static void add(Document document, Font font, String text) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setLeading(font.getSize() * 1.8f);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? "无。" : text.strip();
    }

    private static String numeral(int n) {
        return new String[] {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}[n];
    }

    private static BaseFont font(String resource) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the application");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, bytes, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
