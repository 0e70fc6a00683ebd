package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The version a client read comes back as If-Match or as a version field. */
class VersionsTests {

    @Test
    void etagIsTheQuotedVersion() {
        assertThat(Versions.etag(0)).isEqualTo("\"0\"");
        assertThat(Versions.etag(42)).isEqualTo("\"42\"");
    }

    @Test
    void readsStrongAndWeakEtagsAndBareNumbers() {
        assertThat(Versions.expected("\"3\"", null)).isEqualTo(3L);
        assertThat(Versions.expected("W/\"3\"", null)).isEqualTo(3L);
        assertThat(Versions.expected(" 7 ", null)).isEqualTo(7L);
    }

    @Test
    void nothingNamedMeansNoExpectation() {
        assertThat(Versions.expected(null, null)).isNull();
        assertThat(Versions.expected("", null)).isNull();
        assertThat(Versions.expected("*", null)).isNull();
    }

    @Test
    void theBodyVersionServesWhenThereIsNoHeader() {
        assertThat(Versions.expected(null, 5L)).isEqualTo(5L);
        assertThat(Versions.expected("*", 5L)).isEqualTo(5L);
    }

    @Test
    void headerAndBodyMayAgree() {
        assertThat(Versions.expected("\"5\"", 5L)).isEqualTo(5L);
    }

    @Test
    void headerAndBodyMustAgree() {
        assertThatThrownBy(() -> Versions.expected("\"5\"", 4L))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field,
                                InvalidInputException.FieldError::messageKey)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("version", "problem.version.mismatch")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\"v1\"", "\"1\", \"2\"", "99999999999999999999", "\"-1\"", "-3", "W/"})
    void aMalformedIfMatchIsRefused(String ifMatch) {
        assertThatThrownBy(() -> Versions.expected(ifMatch, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
                                .containsExactly("If-Match"));
    }
}
