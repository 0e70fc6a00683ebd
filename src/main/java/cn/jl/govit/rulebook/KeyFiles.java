package cn.jl.govit.rulebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key files: the keys the platform keeps outside the database (field keys, the blind-index key, the audit chain
 * keys, the signing keys' key-encryption key) live under {@code govit.data-dir/keys} unless the configuration
 * holds them. One format and one way of creating them, readable by the owner only, so that backups and
 * operators meet the same thing everywhere.
 */
public final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {
    }

    /**
     * The file's text; when there is no file yet, {@code initial} is written to a new file (never over an
     * existing one) that only the owner may read, and returned. {@code setting} names the configuration that
     * replaces the file in production, for the warning.
     */
    public static String readOrCreate(Path file, String initial, String setting) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII);
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, initial, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            restrict(file);
            log.warn("generated key file {}; in production set {}", file, setting);
            return initial;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }

    /** Makes a key file readable by its owner only (where the file system knows POSIX permissions). */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException e) {
            log.warn("cannot restrict the permissions of {}", file);
        }
    }

    /**
     * A key ring: one {@code id hex} line per key, in the order the keys were added (the last one is current).
     * {@code key} turns the hex into the key and refuses a wrong one; {@code what} names the keys in messages.
     */
    public static Map<String, byte[]> parseRing(String text, String what, Function<String, byte[]> key) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9_-]{1,16}") || keys.containsKey(parts[0])) {
                throw new IllegalStateException("a " + what + " is 'id:hex' (id of letters and digits, unique)");
            }
            keys.put(parts[0], key.apply(parts[1]));
        }
        return keys;
    }
}
