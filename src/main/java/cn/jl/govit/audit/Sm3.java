package cn.jl.govit.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905-2016) digests as lower-case hex. */
public final class Sm3 {

    private Sm3() {
    }

    public static String hex(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The chain step: SM3 of the previous hash followed by the canonical event. */
    public static String chain(String previousHash, String canonicalEvent) {
        return hex(previousHash + canonicalEvent);
    }
}
