package cn.jl.govit.document;

import static cn.jl.govit.document.Archives.entries;
import static cn.jl.govit.document.Archives.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Content sniffing, the allow-lists per kind, archive bombs and nested archives, without the application. */
class UploadInspectorTests {

    DocumentProperties properties = new DocumentProperties();
    UploadInspector inspector = new UploadInspector(properties);

    UploadRefusedException refused(DocumentKind kind, String name, byte[] bytes) {
        UploadRefusedException e = catchThrowableOfType(UploadRefusedException.class,
                () -> inspector.inspect(kind, name, bytes));
        assertThat(e).as("refused: " + name).isNotNull();
        assertThat(e.filename()).isEqualTo(name);
        return e;
    }

    @Test
    void theTypeComesFromTheBytesNotFromTheName() {
        assertThat(inspector.inspect(DocumentKind.PROJECT_DOCUMENT, "可研报告.pdf", Archives.PDF)).isEqualTo("application/pdf");
        assertThat(inspector.inspect(DocumentKind.EVIDENCE, "photo.jpg", Archives.PNG)).isEqualTo("image/png");
        assertThat(inspector.inspect(DocumentKind.EVIDENCE, "scan.pdf", "整改情况说明\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");

        UploadRefusedException html = refused(DocumentKind.PROJECT_DOCUMENT, "report.pdf", Archives.HTML);
        assertThat(html.status()).isEqualTo(415);
        assertThat(html.detectedType()).isEqualTo("text/html");
        assertThat(html.messageKey()).isEqualTo("document.refused.type");

        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThat(refused(DocumentKind.EVIDENCE, "photo.png", svg).detectedType()).isEqualTo("image/svg+xml");
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        assertThat(refused(DocumentKind.ACCEPTANCE_MATERIAL, "setup.txt", exe).status()).isEqualTo(415);
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        assertThat(refused(DocumentKind.PROJECT_DOCUMENT, "old.doc", ole2).status()).as("no legacy OLE2 office files")
                .isEqualTo(415);
    }

    @Test
    void officeContainersAreRecognisedFromTheirParts() {
        assertThat(inspector.inspect(DocumentKind.PROJECT_DOCUMENT, "a.bin", Archives.docx()))
                .isEqualTo(DocumentKind.Types.DOCX);
        assertThat(inspector.inspect(DocumentKind.EVIDENCE, "a.bin", Archives.xlsx())).isEqualTo(DocumentKind.Types.XLSX);
        assertThat(inspector.inspect(DocumentKind.PROJECT_DOCUMENT, "a.bin", Archives.odt())).isEqualTo(DocumentKind.Types.ODT);
        byte[] ofd = zip(entries("OFD.xml", "<ofd:OFD/>", "Doc_0/Document.xml", "<ofd:Document/>"));
        assertThat(inspector.inspect(DocumentKind.PROJECT_DOCUMENT, "批复.ofd", ofd)).isEqualTo(DocumentKind.Types.OFD);

        UploadRefusedException macro = refused(DocumentKind.PROJECT_DOCUMENT, "a.docx",
                Archives.docx("word/vbaProject.bin", "Attribute VB_Name"));
        assertThat(macro.status()).isEqualTo(415);
        assertThat(macro.detectedType()).isEqualTo("application/vnd.ms-office.vbaproject");
    }

    @Test
    void zipArchivesOnlyWhereTheKindAllowsThem() {
        assertThat(inspector.inspect(DocumentKind.ACCEPTANCE_MATERIAL, "交付物.zip", Archives.plainZip()))
                .isEqualTo("application/zip");
        UploadRefusedException project = refused(DocumentKind.PROJECT_DOCUMENT, "交付物.zip", Archives.plainZip());
        assertThat(project.status()).isEqualTo(415);
        assertThat(project.detectedType()).isEqualTo("application/zip");
        assertThat(refused(DocumentKind.EVIDENCE, "证据.zip", Archives.plainZip()).status()).isEqualTo(415);
        assertThat(DocumentKind.EVIDENCE.allowedTypes()).doesNotContain(DocumentKind.Types.ZIP, DocumentKind.Types.PPTX);
    }

    @Test
    void aZipBombIsRefusedByItsRatioBeforeItIsInflated() {
        byte[] bomb = Archives.bomb("data.txt", 20);
        assertThat(bomb.length).as("a small file").isLessThan(100_000);

        UploadRefusedException e = refused(DocumentKind.ACCEPTANCE_MATERIAL, "bomb.zip", bomb);

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.messageKey()).isEqualTo("document.refused.ratio");
        assertThat(e.detectedType()).isEqualTo("application/zip");
    }

    @Test
    void anOoxmlBombIsRefusedToo() {
        UploadRefusedException e = refused(DocumentKind.PROJECT_DOCUMENT, "报告.docx", Archives.ooxmlBomb(16));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.messageKey()).isEqualTo("document.refused.ratio");
    }

    @Test
    void theTotalUncompressedSizeAndTheEntryCountAreLimited() {
        properties.setMaxCompressionRatio(Integer.MAX_VALUE);
        properties.setMaxUncompressedSize(DataSize.ofMegabytes(2));
        UploadRefusedException size = refused(DocumentKind.ACCEPTANCE_MATERIAL, "big.zip", Archives.bomb("data.txt", 3));
        assertThat(size.messageKey()).isEqualTo("document.refused.uncompressed");
        assertThat(size.status()).isEqualTo(422);
        assertThat(inspector.inspect(DocumentKind.ACCEPTANCE_MATERIAL, "ok.zip", Archives.bomb("data.txt", 1)))
                .as("just under the limits").isEqualTo("application/zip");

        properties.setMaxEntries(3);
        assertThat(inspector.inspect(DocumentKind.ACCEPTANCE_MATERIAL, "three.zip",
                zip(entries("a.txt", "a", "b.txt", "b", "c.txt", "c")))).isEqualTo("application/zip");
        UploadRefusedException many = refused(DocumentKind.ACCEPTANCE_MATERIAL, "four.zip",
                zip(entries("a.txt", "a", "b.txt", "b", "c.txt", "c", "d.txt", "d")));
        assertThat(many.messageKey()).isEqualTo("document.refused.entries");
        assertThat(many.args()).containsExactly(3);
    }

    @Test
    void nestedArchivesAreRefusedByContentAndByName() {
        byte[] inner = Archives.plainZip();
        UploadRefusedException zipInZip = refused(DocumentKind.ACCEPTANCE_MATERIAL, "outer.zip",
                zip(entries("readme.txt", "x", "inner.dat", inner)));
        assertThat(zipInZip.status()).isEqualTo(422);
        assertThat(zipInZip.messageKey()).isEqualTo("document.refused.nested");
        assertThat(zipInZip.args()).containsExactly("inner.dat");

        byte[] gzip = {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3};
        assertThat(refused(DocumentKind.ACCEPTANCE_MATERIAL, "outer.zip", zip(entries("data.bin", gzip))).messageKey())
                .isEqualTo("document.refused.nested");
        assertThat(refused(DocumentKind.ACCEPTANCE_MATERIAL, "outer.zip", zip(entries("backup.tar.gz", "not really")))
                .messageKey()).isEqualTo("document.refused.nested");
        assertThat(refused(DocumentKind.PROJECT_DOCUMENT, "带附件.docx",
                Archives.docx("word/embeddings/Microsoft_Excel_Worksheet.xlsx", Archives.xlsx())).messageKey())
                .as("an office document embedding another").isEqualTo("document.refused.nested");
    }

    @Test
    void aDamagedOrTruncatedContainerIsRefused() {
        byte[] whole = Archives.plainZip();
        byte[] truncated = java.util.Arrays.copyOf(whole, 40);
        UploadRefusedException e = refused(DocumentKind.ACCEPTANCE_MATERIAL, "cut.zip", truncated);
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.messageKey()).isEqualTo("document.refused.damaged");
    }

    @Test
    void theSizeLimitIsCheckedFirst() {
        properties.setMaxFileSize(DataSize.ofBytes(16));
        assertThat(inspector.inspect(DocumentKind.EVIDENCE, "a.txt", "0123456789abcdef".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("text/plain");
        UploadRefusedException e = refused(DocumentKind.EVIDENCE, "a.txt", "0123456789abcdefg".getBytes(StandardCharsets.US_ASCII));
        assertThat(e.status()).isEqualTo(413);
        assertThat(e.messageKey()).isEqualTo("document.refused.too-large");
    }
}
