package cn.jl.govit.document.crypto;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.rulebook.FieldCipher;
import cn.jl.govit.rulebook.SealedColumns;

/**
 * The field keys that seal personal data at rest, in the hands of the security administrator (安全管理员, 三员分立):
 * the state of the ring and of every sealed column, and the rotation. A rotation makes a new key current (a new
 * key in the key file; with configured keys, the newest key the operator configured) and re-seals every value
 * under it, in one transaction, audited with the counts; the older keys stay in the ring for backups made
 * before.
 */
@Service
public class FieldKeys {

    /** The authority of the security administrator's role; only it manages the field keys. */
    static final String SECURITY_ADMIN = "ROLE_SECURITY_ADMIN";

    private final FieldCipher cipher;
    private final SealedColumns columns;
    private final AuditLog audit;

    FieldKeys(FieldCipher cipher, SealedColumns columns, AuditLog audit) {
        this.cipher = cipher;
        this.columns = columns;
        this.audit = audit;
    }

    /** The ring and how many values of each column are under which key (or, never expected, in clear). */
    @Transactional(readOnly = true)
    public State state() {
        checkSecurityAdministrator();
        return new State(cipher.currentKeyId(), cipher.keyIds(), cipher.keyFileBacked(), columns.census());
    }

    /** Rotates the field key and re-seals every value under the new one. */
    @Transactional
    public Rotation rotate() {
        checkSecurityAdministrator();
        String previous = cipher.currentKeyId();
        String current = cipher.keyFileBacked() ? cipher.addKey() : previous;
        Map<String, Integer> resealed = columns.resealUnderCurrentKey();
        audit.record("FIELD_KEY_ROTATED", "FieldKey", current, null,
                "field key " + previous + " -> " + current + ", re-sealed " + resealed);
        return new Rotation(previous, current, resealed);
    }

    static void checkSecurityAdministrator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> SECURITY_ADMIN.equals(a.getAuthority()))) {
            throw new AccessDeniedException("only the security administrator manages the field keys");
        }
    }

    /** The field key ring and the sealed columns. */
    public record State(String currentKeyId, List<String> keyIds, boolean keyFile, Map<String, Map<String, Long>> columns) {
    }

    /** What a rotation did: the key before and after, and the values re-sealed per column. */
    public record Rotation(String previousKeyId, String currentKeyId, Map<String, Integer> resealed) {
    }
}
