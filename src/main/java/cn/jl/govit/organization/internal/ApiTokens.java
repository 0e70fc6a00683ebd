package cn.jl.govit.organization.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.audit.Sm3;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.PasswordPolicy;
import cn.jl.govit.organization.internal.ApiTokenPolicy.Refusal;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * API bearer tokens: issued to a user who signed in with the password, then accepted on {@code /api/**} in its
 * place, so that the API hashes a password once per token rather than once per request. A token is 256 random bits
 * (base64url, 43 characters); only its SM3 digest is stored and looked up, so one indexed read (joined with the
 * account, whose roles, organisation and state are read fresh each time) authenticates a request. Nothing is cached
 * in memory: a revocation, a disabled or locked account takes effect at the next request on every node.
 */
@Service
public class ApiTokens {

    /** The only shape a token of ours has; anything else is refused without a database read. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApiTokenPolicy policy;

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock,
            @Value("${govit.security.api-token.lifetime}") Duration lifetime,
            @Value("${govit.security.api-token.max-idle}") Duration maxIdle,
            @Value("${govit.security.api-token.use-granularity}") Duration useGranularity) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.policy = new ApiTokenPolicy(lifetime, maxIdle, useGranularity);
    }

    /** A token just issued: the secret, shown this once, and its record. */
    public record Issued(String token, TokenView view) {
    }

    /** A token as its owner lists it: never the secret, nor its digest. */
    public record TokenView(UUID id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt, OffsetDateTime lastUsedAt, boolean active) {
    }

    /**
     * Issues a token to {@code username}, who has just proven the password; audited as {@code TOKEN_ISSUED} (a login
     * of the API). The token itself is neither stored nor audited.
     */
    @Transactional
    public Issued issue(String username, String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = policy.expiresAt(now);
        String label = name == null || name.isBlank() ? null : name.strip();
        jdbc.sql("INSERT INTO api_token (id, token_sm3, username, name, created_at, expires_at) "
                        + "VALUES (:id, :d, :u, :n, :c, :e)")
                .param("id", id).param("d", digest(token)).param("u", username).param("n", label)
                .param("c", Timestamp.from(now)).param("e", Timestamp.from(expires)).update();
        audit.record("TOKEN_ISSUED", "ApiToken", id.toString(), null,
                "API token issued to " + username + (label == null ? "" : " (" + label + ")") + ", expires " + expires);
        return new Issued(token, new TokenView(id, label, offset(now), offset(expires), null, null, true));
    }

    /**
     * What a bearer token presented on the API is worth: the user it authenticates (as the password would), or why
     * it is refused — with the owner's name when the token is ours but no longer good, never the token.
     */
    public Lookup authenticate(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Lookup.refused(null, null, Refusal.UNKNOWN);
        }
        Instant now = clock.instant();
        Optional<Row> found = jdbc.sql("""
                SELECT t.id, t.username, t.created_at, t.expires_at, t.revoked_at, t.last_used_at,
                       u.display_name, u.organization_code, u.roles, u.enabled, u.locked_until, u.password_changed_at,
                       o.kind AS org_kind, o.active AS org_active, """ + PasswordPolicy.MAX_AGE_DAYS_SQL + """
                 AS max_age_days
                FROM api_token t JOIN app_user u ON u.username = t.username
                LEFT JOIN organization o ON o.code = u.organization_code
                WHERE t.token_sm3 = :d""")
                .param("d", digest(token))
                .query((rs, n) -> row(rs, now)).optional();
        if (found.isEmpty()) {
            return Lookup.refused(null, null, Refusal.UNKNOWN);
        }
        Row row = found.get();
        Optional<Refusal> refusal = policy.judge(row.createdAt(), row.expiresAt(), row.revokedAt(), row.lastUsedAt(), now);
        if (refusal.isEmpty() && !row.user().isEnabled()) {
            refusal = Optional.of(Refusal.ACCOUNT_DISABLED);
        }
        if (refusal.isEmpty() && !row.user().isAccountNonLocked()) {
            refusal = Optional.of(Refusal.ACCOUNT_LOCKED);
        }
        if (refusal.isPresent()) {
            return Lookup.refused(row.id(), row.user().getUsername(), refusal.get());
        }
        if (policy.recordUse(row.lastUsedAt(), now)) {
            // at most once per granularity per token; the guard keeps two racing requests from writing twice
            jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE id = :id "
                            + "AND (last_used_at IS NULL OR last_used_at < :now)")
                    .param("now", Timestamp.from(now)).param("id", row.id()).update();
        }
        return new Lookup(row.id(), row.user().getUsername(), null, row.user(), row.passwordChangedAt(),
                row.maxAgeDays());
    }

    /** The token that authenticated the running request, if a token did. */
    public Optional<UUID> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof ApiTokenAuthentication token ? Optional.of(token.tokenId()) : Optional.empty();
    }

    /** The owner's tokens, newest first. */
    @Transactional(readOnly = true)
    public PageOf<TokenView> list(String username, int page, int size) {
        Instant now = clock.instant();
        List<TokenView> views = jdbc.sql("SELECT * FROM api_token WHERE username = :u "
                        + "ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .param("u", username).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs, now)).list();
        long total = jdbc.sql("SELECT count(*) FROM api_token WHERE username = :u").param("u", username)
                .query(Long.class).single();
        return new PageOf<>(views, page, size, total);
    }

    /**
     * The owner revokes one of their tokens; another user's token reads as not found ({@code 404}). Revoking a
     * revoked token changes nothing (its first revocation stands).
     */
    @Transactional
    public void revoke(String username, UUID id, String why) {
        String owner = jdbc.sql("SELECT username FROM api_token WHERE id = :id FOR UPDATE").param("id", id)
                .query(String.class).optional()
                .orElseThrow(() -> new RecordNotFoundException("ApiToken", id));
        if (!owner.equals(username)) {
            throw RecordNotFoundException.outOfScope("ApiToken", id);
        }
        int rows = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (rows > 0) {
            audit.record("TOKEN_REVOKED", "ApiToken", id.toString(), null,
                    "API token of " + username + " revoked: " + why);
        }
    }

    /**
     * Revokes every live token of a user, in the caller's transaction: a password change or reset, a disabled
     * account. One audit event when there was any.
     */
    @Transactional
    public int revokeAll(String username, String why) {
        int rows = jdbc.sql("UPDATE api_token SET revoked_at = :now WHERE username = :u AND revoked_at IS NULL "
                        + "AND expires_at > :now")
                .param("now", Timestamp.from(clock.instant())).param("u", username).update();
        if (rows > 0) {
            audit.record("TOKEN_REVOKED", "User", username, null,
                    rows + " API token(s) of " + username + " revoked: " + why);
        }
        return rows;
    }

    /** The result of presenting a token. */
    public record Lookup(UUID tokenId, String username, Refusal refusal, SignedInUser user, Instant passwordChangedAt,
            Integer passwordMaxAgeDays) {

        static Lookup refused(UUID tokenId, String username, Refusal refusal) {
            return new Lookup(tokenId, username, refusal, null, null, null);
        }

        public boolean good() {
            return refusal == null;
        }
    }

    static String digest(String token) {
        return Sm3.hex(token.getBytes(StandardCharsets.US_ASCII));
    }

    private TokenView view(ResultSet rs, Instant now) throws SQLException {
        Instant created = instant(rs, "created_at");
        Instant expires = instant(rs, "expires_at");
        Instant revoked = instant(rs, "revoked_at");
        Instant used = instant(rs, "last_used_at");
        boolean active = policy.judge(created, expires, revoked, used, now).isEmpty();
        return new TokenView(rs.getObject("id", UUID.class), rs.getString("name"), offset(created), offset(expires),
                offset(revoked), offset(used), active);
    }

    private OffsetDateTime offset(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, clock.getZone());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private record Row(UUID id, SignedInUser user, Instant createdAt, Instant expiresAt, Instant revokedAt,
            Instant lastUsedAt, Instant passwordChangedAt, Integer maxAgeDays) {
    }

    /** The token and its owner's account as a password login would load it; a lock runs until locked_until. */
    private static Row row(ResultSet rs, Instant now) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        boolean nonLocked = locked == null || !now.isBefore(locked.toInstant());
        String kind = rs.getString("org_kind");
        boolean orgActive = kind == null || rs.getBoolean("org_active");
        // no password hash: a token's principal never checks one
        SignedInUser user = new SignedInUser(rs.getString("username"), "", rs.getBoolean("enabled") && orgActive,
                nonLocked, rs.getString("display_name"), rs.getString("organization_code"),
                kind == null ? null : OrganizationKind.valueOf(kind), RolesColumn.read(rs.getArray("roles")));
        return new Row(rs.getObject("id", UUID.class), user, instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"), instant(rs, "password_changed_at"),
                rs.getObject("max_age_days", Integer.class));
    }
}
