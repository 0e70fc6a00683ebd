package cn.jl.govit.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client file names are kept for display only, without paths, control characters or header breakers. */
class FilenamesTests {

    @Test
    void keepsTheLastPathSegmentOnly() {
        assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.sanitize("C:\\Users\\rst\\可研报告.pdf")).isEqualTo("可研报告.pdf");
    }

    @Test
    void dropsControlAndBidiCharactersQuotesAndLeadingDots() {
        assertThat(Filenames.sanitize("a\u0000b\r\n\"c\u202Egpj.exe")).isEqualTo("abcgpj.exe");
        assertThat(Filenames.sanitize("..hidden")).isEqualTo("hidden");
    }

    @Test
    void blankBecomesDocumentAndLongNamesAreCut() {
        assertThat(Filenames.sanitize(null)).isEqualTo("document");
        assertThat(Filenames.sanitize("  /  ")).isEqualTo("document");
        assertThat(Filenames.sanitize("名".repeat(300))).hasSize(200);
    }

    @Test
    void mediaTypesAreNormalisedOrOctetStream() {
        assertThat(Documents.mediaType("text/plain; charset=UTF-8")).isEqualTo("text/plain");
        assertThat(Documents.mediaType("not a type")).isEqualTo("application/octet-stream");
        assertThat(Documents.mediaType("*/*")).isEqualTo("application/octet-stream");
        assertThat(Documents.mediaType(null)).isEqualTo("application/octet-stream");
    }
}
