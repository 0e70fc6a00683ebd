package cn.jl.govit.document.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

/** The approval reply renders Chinese text that reads back as the same characters (copy, search, archive). */
class PdfRendererTests {

    @Test
    void theReplyCarriesEveryPartInReadableChinese() throws Exception {
        ApprovalReply reply = new ApprovalReply("吉政数审〔2026〕12号", LocalDate.of(2026, 11, 27), "省政务服务和数字化局",
                "省人力资源和社会保障厅", "JLZW-2026-0001", "社会保障卡一卡通服务平台", "可行性研究报告", "同意",
                new BigDecimal("11500000"), 18, "参保人员信息应纳入省级共享平台目录，有条件共享。", "同意建设，注意户籍数据安全。");
        byte[] pdf = new PdfRenderer().approvalReply(reply);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s", "");
        assertThat(text).contains("吉政数审〔2026〕12号", "关于社会保障卡一卡通服务平台可行性研究报告的批复", "省人力资源和社会保障厅",
                "11,500,000.00元", "18个月", "参保人员信息应纳入省级共享平台目录", "户籍数据安全", "2026年11月27日");
        reader.close();
    }
}
