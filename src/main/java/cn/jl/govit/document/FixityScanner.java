package cn.jl.govit.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Recomputes the SM3 digest (GB/T 32905) of a stored file by streaming it, so that a check of the whole store
 * never holds a document in memory. Plain Java: the fixity service and the throughput command share it.
 */
public final class FixityScanner {

    private final byte[] buffer = new byte[64 * 1024];

    /** The digest of the file as lower-case hex, or {@code null} when the file is missing or unreadable. */
    public String sm3(Path file) {
        SM3Digest digest = new SM3Digest();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        catch (NoSuchFileException e) {
            return null;
        }
        catch (IOException e) {
            return null;
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
