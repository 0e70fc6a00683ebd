package cn.jl.govit.audit.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.jl.govit.rulebook.KeyFiles;

/**
 * The keys of the audit chain's HMAC-SM3. They never enter the database, so that whoever can rewrite the table
 * cannot recompute the chain: {@code govit.audit.chain-keys} ({@code id:hex} pairs separated by commas, the last
 * one current; from the environment in production) or else a key file generated once under
 * {@code govit.data-dir}/keys/audit-chain-keys (one {@code id hex} line per key, the last one current). Each event
 * names the id of its key, so a key is rotated by appending a new one and restarting; the older keys stay to
 * verify what they chained.
 */
@Component
public class ChainKeys {

    private static final Logger log = LoggerFactory.getLogger(ChainKeys.class);

    private final Map<String, byte[]> keys;
    private final String currentId;

    @Autowired
    ChainKeys(@Value("${govit.audit.chain-keys:}") String configured,
            @Value("${govit.data-dir:./data}") String dataDir) {
        this(parse(configured.isBlank() ? readOrCreate(Path.of(dataDir, "keys", "audit-chain-keys"))
                : configured.replace(',', '\n').replace(':', ' ')));
    }

    /** A ring of the given keys, in order, the last one current. */
    public ChainKeys(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no audit chain key configured");
        }
        this.keys = new LinkedHashMap<>(keys);
        this.currentId = List.copyOf(keys.keySet()).get(keys.size() - 1);
    }

    /** The id of the key new events are chained under. */
    public String currentId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The key's bytes, for the fast verifier's own MAC instances ({@link ChainSegment}). */
    byte[] key(String keyId) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown audit chain key " + keyId);
        }
        return key;
    }

    /** A MAC under one key, for a run of events: {@link HMac} keeps its key between messages. */
    public Mac mac(String keyId) {
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("unknown audit chain key " + keyId);
        }
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        return new Mac(mac, keyId);
    }

    /** HMAC-SM3 under one key; not thread-safe, one per verification or per write. */
    public static final class Mac {

        private final HMac mac;
        private final String keyId;
        private final byte[] out;

        Mac(HMac mac, String keyId) {
            this.mac = mac;
            this.keyId = keyId;
            this.out = new byte[mac.getMacSize()];
        }

        /**
         * The keyed chain step: HMAC-SM3 over the previous hash, the event's canonical form and the key id
         * (length-prefixed, so that the key id cannot be moved into the content), hex-encoded.
         */
        public String chain(String previousHash, String canonicalEvent) {
            byte[] data = (previousHash + canonicalEvent + keyId.length() + ":" + keyId + "|")
                    .getBytes(StandardCharsets.UTF_8);
            mac.update(data, 0, data.length);
            mac.doFinal(out, 0);
            return HexFormat.of().formatHex(out);
        }
    }

    static Map<String, byte[]> parse(String text) {
        return KeyFiles.parseRing(text, "audit chain key", hex -> {
            byte[] key;
            try {
                key = HexFormat.of().parseHex(hex);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalStateException("an audit chain key must be hex digits");
            }
            if (key.length < 16) {
                throw new IllegalStateException("an audit chain key must have at least 32 hex digits (128 bits)");
            }
            return key;
        });
    }

    private static String readOrCreate(Path file) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return KeyFiles.readOrCreate(file, "k1 " + HexFormat.of().formatHex(key) + "\n", "govit.audit.chain-keys");
    }
}
