package cn.jl.govit.rulebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of personal data at rest (GB/T 39786-2021 level 3, 数据存储机密性与完整性): SM4 in GCM mode
 * (GB/T 32907, authenticated encryption as in GB/T 36624), one 12-byte random nonce per value, the column and
 * the row's key as associated data so that a ciphertext moved to another row or column no longer opens.
 * A stored value reads {@code sm4gcm:<key id>:<base64 of nonce, ciphertext and tag>}; the key id lets keys
 * rotate: every key of the ring still opens what it sealed, new values are sealed under the current key.
 * <p>
 * The keys never enter the database: {@code govit.crypto.field-keys} ({@code id:32 hex digits} pairs separated
 * by commas, the last one current, from the environment in production) or else a key file generated once under
 * {@code govit.data-dir}/keys (one {@code id hex} line per key, the last one current). Equality lookups use a
 * blind index: HMAC-SM3 of the normalised value under a separate key ({@code govit.crypto.blind-index-key} or
 * its key file), so that the index reveals neither the value nor the field key.
 */
@Component
public class FieldCipher {

    /** How a sealed value starts; a value without it was written before encryption at rest. */
    public static final String PREFIX = "sm4gcm:";

    private static final Logger log = LoggerFactory.getLogger(FieldCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Path keyFile;
    private final byte[] blindIndexKey;
    private volatile KeyRing ring;

    FieldCipher(@Value("${govit.crypto.field-keys:}") String configuredKeys,
            @Value("${govit.crypto.blind-index-key:}") String configuredIndexKey,
            @Value("${govit.data-dir:./data}") String dataDir) {
        Path keys = Path.of(dataDir, "keys");
        this.keyFile = configuredKeys.isBlank() ? keys.resolve("field-keys") : null;
        this.ring = keyFile == null ? KeyRing.parse(configuredKeys.replace(',', '\n').replace(':', ' '))
                : KeyRing.parse(readOrCreate(keyFile, "k1 " + HexFormat.of().formatHex(newKey())));
        this.blindIndexKey = configuredIndexKey.isBlank()
                ? parseKey(readOrCreate(keys.resolve("blind-index.hex"), HexFormat.of().formatHex(newKey())))
                : parseKey(configuredIndexKey);
    }

    /** The id of the key new values are sealed under. */
    public String currentKeyId() {
        return ring.currentId();
    }

    /** The ids of every key in the ring, oldest first. */
    public List<String> keyIds() {
        return ring.ids();
    }

    /** Whether the ring lives in a key file this instance may add a key to (and not in the configuration). */
    public boolean keyFileBacked() {
        return keyFile != null;
    }

    /**
     * Generates a new key, appends it to the key file and makes it current; the older keys stay in the ring to
     * open what they sealed until the re-encryption is done. Refused when the keys come from the configuration:
     * there the operator adds the key to {@code govit.crypto.field-keys} and restarts.
     */
    public synchronized String addKey() {
        if (keyFile == null) {
            throw new IllegalStateException("the field keys come from govit.crypto.field-keys; add the new key there");
        }
        KeyRing current = ring;
        String id = current.nextId();
        String text = current.format() + id + " " + HexFormat.of().formatHex(newKey()) + "\n";
        try {
            // a temporary file renamed over the old one: a crash leaves either ring, never half of one
            Path temp = Files.createTempFile(keyFile.getParent(), "field-keys", ".tmp");
            KeyFiles.restrict(temp);
            Files.writeString(temp, text, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temp, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the field key file " + keyFile, e);
        }
        ring = KeyRing.parse(text);
        log.info("field key {} added and made current", id);
        return id;
    }

    /** Seals {@code clear} under the current key; {@code context} names the column and row (associated data). */
    public String seal(String context, String clear) {
        if (clear == null) {
            return null;
        }
        KeyRing r = ring;
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = gcm(true, r.key(r.currentId()), nonce, context, clear.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return PREFIX + r.currentId() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /**
     * Opens a sealed value. A value that is not sealed, sealed under an unknown key or altered (tag mismatch,
     * or moved to another row) is refused with {@link IntegrityFailureException}: it is never shown as if it were
     * the clear value.
     */
    public String open(String context, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new IntegrityFailureException("a personal data field of " + context + " is not sealed");
        }
        int colon = sealed.indexOf(':', PREFIX.length());
        String keyId = sealed.substring(PREFIX.length(), colon);
        byte[] key = ring.key(keyId);
        if (key == null) {
            throw new IntegrityFailureException("a personal data field of " + context + " is sealed under unknown key " + keyId);
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(colon + 1));
        }
        catch (IllegalArgumentException e) {
            throw new IntegrityFailureException("a personal data field of " + context + " is damaged");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IntegrityFailureException("a personal data field of " + context + " is damaged");
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return new String(gcm(false, key, nonce, context, body), StandardCharsets.UTF_8);
    }

    /** Whether a stored value is sealed (by any key). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX) && value.indexOf(':', PREFIX.length()) > PREFIX.length();
    }

    /** The key id a sealed value names. */
    public static String keyIdOf(String sealed) {
        return isSealed(sealed) ? sealed.substring(PREFIX.length(), sealed.indexOf(':', PREFIX.length())) : null;
    }

    /**
     * The blind index of an already normalised value: hex HMAC-SM3 under the index key, over the column's name
     * and the value, so that equal values in two columns do not share an index.
     */
    public String blindIndex(String column, String normalised) {
        if (normalised == null) {
            return null;
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(blindIndexKey));
        byte[] data = (column + "\u0000" + normalised).getBytes(StandardCharsets.UTF_8);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Masks a value for pages that do not need it whole: the first {@code head} and last {@code tail} characters
     * stay, every other one becomes {@code *} (e.g. {@code 220***********1234}); a value too short to keep both
     * ends is masked completely.
     */
    public static String mask(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= head + tail) {
            return "*".repeat(length);
        }
        int[] cps = value.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            out.appendCodePoint(i < head || i >= cps.length - tail ? cps[i] : '*');
        }
        return out.toString();
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, String context, byte[] input) {
        GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce,
                context.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        }
        catch (InvalidCipherTextException e) {
            throw new IntegrityFailureException("a personal data field of " + context + " does not authenticate");
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private byte[] newKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return key;
    }

    private static byte[] parseKey(String hex) {
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex.strip());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException("a field or blind index key must be 32 hex digits (an SM4 key)");
        }
        if (key.length != 16) {
            throw new IllegalStateException("a field or blind index key must be 32 hex digits (an SM4 key)");
        }
        return key;
    }

    private static String readOrCreate(Path file, String initial) {
        return KeyFiles.readOrCreate(file, initial + "\n", "the keys in govit.crypto.*");
    }

    /** The keys by id, in the order they were added; the last one is current. */
    private record KeyRing(Map<String, byte[]> keys, String currentId) {

        static KeyRing parse(String text) {
            Map<String, byte[]> keys = KeyFiles.parseRing(text, "field key", FieldCipher::parseKey);
            String current = keys.isEmpty() ? null : List.copyOf(keys.keySet()).get(keys.size() - 1);
            if (current == null) {
                throw new IllegalStateException("no field key configured");
            }
            return new KeyRing(keys, current);
        }

        byte[] key(String id) {
            return keys.get(id);
        }

        String nextId() {
            int n = keys.size() + 1;
            while (keys.containsKey("k" + n)) {
                n++;
            }
            return "k" + n;
        }

        String format() {
            StringBuilder out = new StringBuilder();
            keys.forEach((id, key) -> out.append(id).append(' ').append(HexFormat.of().formatHex(key)).append('\n'));
            return out.toString();
        }

        List<String> ids() {
            return List.copyOf(keys.keySet());
        }
    }
}
