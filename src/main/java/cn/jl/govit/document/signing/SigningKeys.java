package cn.jl.govit.document.signing;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.rulebook.KeyFiles;
import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.Sm3;

/**
 * One SM2 key pair per issuing organisation (the approval authorities SZSJ and FGW). The private key is
 * stored encrypted with SM4-GCM under a key-encryption key that never enters the database: the setting
 * {@code govit.crypto.key-encryption-key} (32 hex digits, from the environment in production), or else a key
 * file generated once under {@code govit.data-dir}/keys.
 */
@Service
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final byte[] keyEncryptionKey;

    SigningKeys(JdbcClient jdbc, AuditLog audit, Clock clock,
            @Value("${govit.crypto.key-encryption-key:}") String configuredKey,
            @Value("${govit.data-dir:./data}") String dataDir) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.keyEncryptionKey = configuredKey.isBlank() ? keyFile(Path.of(dataDir, "keys", "signing-kek.hex"))
                : parse(configuredKey);
    }

    /** The issuer's public key, created with its pair on first use. */
    @Transactional
    public IssuerKey ensure(String issuer) {
        return find(issuer).orElseGet(() -> create(issuer));
    }

    @Transactional(readOnly = true)
    public Optional<IssuerKey> find(String issuer) {
        return jdbc.sql("SELECT issuer, key_id, public_key, created_at FROM signing_key WHERE issuer = :issuer")
                .param("issuer", issuer)
                .query((rs, n) -> new IssuerKey(rs.getString(1), rs.getString(2), Sm2.SIGNATURE_ALGORITHM,
                        Sm2.publicKeyPem(Sm2.publicKey(rs.getBytes(3))), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Signs {@code data} with the issuer's private key (SM3withSM2). */
    @Transactional
    public Signed sign(String issuer, byte[] data) {
        IssuerKey key = ensure(issuer);
        byte[] sealed = jdbc.sql("SELECT private_key_sealed FROM signing_key WHERE issuer = :issuer")
                .param("issuer", issuer).query(byte[].class).single();
        byte[] signature = Sm2.sign(Sm2.privateKey(Sm2.decrypt(keyEncryptionKey, sealed)), data);
        return new Signed(issuer, key.keyId(), Sm2.SIGNATURE_ALGORITHM, Base64.getEncoder().encodeToString(signature));
    }

    /** Whether the signature is the issuer's over exactly these bytes; unknown issuers verify nothing. */
    @Transactional(readOnly = true)
    public boolean verify(String issuer, byte[] data, byte[] signature) {
        return find(issuer).map(k -> Sm2.verify(Sm2.publicKeyFromPem(k.publicKeyPem()), data, signature)).orElse(false);
    }

    private IssuerKey create(String issuer) {
        KeyPair pair = Sm2.generateKeyPair();
        byte[] publicKey = pair.getPublic().getEncoded();
        String keyId = Sm3.hex(publicKey).substring(0, 16);
        int inserted = jdbc.sql("""
                INSERT INTO signing_key (issuer, key_id, public_key, private_key_sealed, created_at)
                VALUES (:issuer, :keyId, :publicKey, :sealed, :now) ON CONFLICT (issuer) DO NOTHING""")
                .param("issuer", issuer).param("keyId", keyId).param("publicKey", publicKey)
                .param("sealed", Sm2.encrypt(keyEncryptionKey, pair.getPrivate().getEncoded()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            audit.record(Actor.SYSTEM, "SIGNING_KEY_CREATED", "SigningKey", issuer, null,
                    "SM2 key " + keyId + " for " + issuer);
        }
        return find(issuer).orElseThrow();
    }

    private static byte[] parse(String hex) {
        byte[] key = HexFormat.of().parseHex(hex.strip());
        if (key.length != 16) {
            throw new IllegalStateException("govit.crypto.key-encryption-key must be 32 hex digits (an SM4 key)");
        }
        return key;
    }

    private static byte[] keyFile(Path file) {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return parse(KeyFiles.readOrCreate(file, HexFormat.of().formatHex(key), "govit.crypto.key-encryption-key"));
    }

    /** An issuer's published key. */
    public record IssuerKey(String issuer, String keyId, String algorithm, String publicKeyPem, Instant createdAt) {
    }

    /** A detached signature and what verifies it. */
    public record Signed(String issuer, String keyId, String algorithm, String signature) {
    }
}
