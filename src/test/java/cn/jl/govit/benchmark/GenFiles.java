package cn.jl.govit.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.jl.govit.audit.Sm3;

/**
 * The small set of real files the generated document rows point at: plain texts, PDFs and DOCX files with Chinese
 * content, written once under {@code <data-dir>/benchmark-files/}. The document store names every stored file by a
 * unique generated name (document.storage_name is UNIQUE and must look like {@code <uuid>.bin}), so rows cannot share
 * a file by name: each row gets its own name in {@code documents/}, a hard link to one of these files (a copy where
 * the file system refuses links), which downloads and fixity checks read like any stored file.
 */
final class GenFiles {

    /** One library file: what a row that points at it records. */
    record LibraryFile(Path path, String filename, String contentType, long size, String sm3, String kind) {
    }

    static final String[] TITLES = {"项目建议书", "可行性研究报告", "初步设计方案", "投资概算表", "专家评审意见", "批复文件",
        "招标文件", "中标通知书", "建设合同", "监理月报", "进度报告", "需求规格说明书", "系统测试报告", "安全测评报告",
        "密码应用安全性评估报告", "初步验收报告", "试运行报告", "用户使用报告", "绩效自评报告", "资金支付凭证"};

    static List<LibraryFile> write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom r = DataGenerator.random(seed, "files", 0);
        List<LibraryFile> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = TITLES[i % TITLES.length];
            String text = body(title, i, r);
            byte[] bytes;
            String ext;
            String type;
            switch (i % 5) {
                case 0, 1 -> {
                    bytes = pdf(title + " " + i, text);
                    ext = "pdf";
                    type = "application/pdf";
                }
                case 2 -> {
                    bytes = docx(text);
                    ext = "docx";
                    type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                default -> {
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                    ext = "txt";
                    type = "text/plain";
                }
            }
            Path file = dir.resolve(String.format("%03d.%s", i, ext));
            if (!Files.exists(file) || Files.size(file) != bytes.length) {
                Files.write(file, bytes);
            }
            String kind = i % 7 == 6 ? "EVIDENCE" : i % 7 == 5 ? "ACCEPTANCE_MATERIAL" : "PROJECT_DOCUMENT";
            files.add(new LibraryFile(file, title + "." + ext, type, bytes.length, Sm3.hex(bytes), kind));
        }
        return files;
    }

    private static String body(String title, int i, SplittableRandom r) {
        StringBuilder s = new StringBuilder(title).append("\n\n");
        int paragraphs = 3 + r.nextInt(12);
        for (int p = 0; p < paragraphs; p++) {
            s.append(p + 1).append("、本项目按照《吉林省省级政务信息化项目建设管理办法》的要求编制").append(title)
                    .append("，明确建设目标、建设内容、投资估算和进度安排，第 ").append(i).append('.').append(p)
                    .append(" 条。\n");
        }
        return s.toString();
    }

    /** A one-page PDF whose cross-reference table is exact, so that any reader opens it. */
    static byte[] pdf(String title, String text) {
        // the text itself goes into the document information as UTF-16, the page shows an ASCII line
        String content = "BT /F1 14 Tf 72 720 Td (GovIT benchmark document) Tj ET";
        StringBuilder hex = new StringBuilder("FEFF");
        for (char c : (title + "\n" + text).toCharArray()) {
            hex.append(String.format("%04X", (int) c));
        }
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Title <" + hex + "> /Producer (GovIT DataGenerator) >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        long xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (long offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A minimal WordprocessingML package; entries carry a fixed time so that the bytes are the same every run. */
    static byte[] docx(String text) throws IOException {
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(line.replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</w:t></w:r></w:p>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            entry(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + body + "</w:body></w:document>");
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(1_640_995_200_000L);
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private GenFiles() {
    }
}
