package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Art. 30: the construction unit may not conceal or withhold records, so the platform deletes none — a record made in
 * error is withdrawn, replaced by a new version or marked, and stays with its history. The application's code and its
 * migrations therefore contain no SQL {@code DELETE} and no {@code TRUNCATE}; a module that adds one fails the build.
 */
class NothingIsDeletedTests {

    @Test
    void noApplicationCodeOrMigrationDeletesARow() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("src/main/resources/db/migration")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(NothingIsDeletedTests::deletes)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanWouldSeeADeletion() {
        assertThat(deletes("jdbc.sql(\"DELETE FROM construction_milestone WHERE id = :id\")")).isTrue();
        assertThat(deletes("TRUNCATE TABLE audit_event;")).isTrue();
        assertThat(deletes("jdbc.sql(\"TRUNCATE obligation\")")).isTrue();
        assertThat(deletes("BEFORE UPDATE OR DELETE ON supervision_referral")).isFalse();
        assertThat(deletes("CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event")).isFalse();
    }

    private static boolean deletes(Path file) {
        try {
            return deletes(Files.readString(file));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static boolean deletes(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        // a TRUNCATE statement, not the trigger that forbids one ("BEFORE TRUNCATE ON audit_event")
        return upper.contains("DELETE FROM") || upper.matches("(?s)(.*[\\n\";])?\\s*TRUNCATE\\s.*");
    }
}
