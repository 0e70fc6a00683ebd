package cn.jl.govit.idempotency.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table of idempotency keys. Every statement runs on its own (autocommit, no surrounding transaction) so
 * that a claim is durable before the endpoint it guards starts: the row, not a lock held in memory, is what a
 * repeat on this or another node sees. Concurrent claims of one key are decided by the primary key (the first
 * {@code INSERT} wins) and, for a key that expired or was released, by a conditional {@code UPDATE} on the
 * claim id that was read (the first taker wins).
 */
@Component
class IdempotencyKeys {

    /** What a request with a key may do. */
    sealed interface Claim {
    }

    /** The key is this request's: run the endpoint, then {@link #complete} or {@link #release}. */
    record Claimed(UUID claimId) implements Claim {
    }

    /** The first request with this key is still running (or its node died before completing it). */
    record InFlight() implements Claim {
    }

    /** The key was used for a different request (method, path or body). */
    record Mismatch() implements Claim {
    }

    /** The first request completed: answer its response again. */
    record Replay(int status, String contentType, String location, String etag, byte[] body) implements Claim {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String username, String key, String hash, String method, String path, Instant now, Duration ttl) {
        for (int attempt = 0; attempt < 5; attempt++) {
            UUID claimId = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    INSERT INTO idempotency_key (username, idempotency_key, claim_id, request_hash, method, path, state,
                                                 created_at, expires_at)
                    VALUES (:username, :key, :claim, :hash, :method, :path, 'IN_PROGRESS', :now, :expires)
                    ON CONFLICT (username, idempotency_key) DO NOTHING""")
                    .param("username", username).param("key", key).param("claim", claimId).param("hash", hash)
                    .param("method", method).param("path", path).param("now", Timestamp.from(now))
                    .param("expires", Timestamp.from(now.plus(ttl)))
                    .update();
            if (inserted == 1) {
                return new Claimed(claimId);
            }
            Optional<Stored> found = find(username, key);
            if (found.isEmpty()) {
                continue;
            }
            Stored stored = found.get();
            boolean free = "RELEASED".equals(stored.state()) || !stored.expiresAt().isAfter(now);
            if (free) {
                // Taking over an expired or released key: only the request that saw this claim id may do it.
                int taken = jdbc.sql("""
                        UPDATE idempotency_key
                           SET claim_id = :claim, request_hash = :hash, method = :method, path = :path,
                               state = 'IN_PROGRESS', response_status = NULL, content_type = NULL, location = NULL,
                               etag = NULL, response_body = NULL, created_at = :now, completed_at = NULL,
                               expires_at = :expires
                         WHERE username = :username AND idempotency_key = :key AND claim_id = :seen""")
                        .param("username", username).param("key", key).param("claim", claimId).param("hash", hash)
                        .param("method", method).param("path", path).param("now", Timestamp.from(now))
                        .param("expires", Timestamp.from(now.plus(ttl))).param("seen", stored.claimId())
                        .update();
                if (taken == 1) {
                    return new Claimed(claimId);
                }
                continue;
            }
            if (!stored.requestHash().equals(hash)) {
                return new Mismatch();
            }
            if ("IN_PROGRESS".equals(stored.state())) {
                return new InFlight();
            }
            return new Replay(stored.status(), stored.contentType(), stored.location(), stored.etag(), stored.body());
        }
        // Five lost races in a row on one key: others are using it right now.
        return new InFlight();
    }

    void complete(String username, String key, UUID claimId, int status, String contentType, String location,
            String etag, byte[] body, Instant now) {
        jdbc.sql("""
                UPDATE idempotency_key
                   SET state = 'COMPLETED', response_status = :status, content_type = :type, location = :location,
                       etag = :etag, response_body = :body, completed_at = :now
                 WHERE username = :username AND idempotency_key = :key AND claim_id = :claim""")
                .param("status", status).param("type", contentType).param("location", location)
                .param("etag", etag).param("body", body).param("now", Timestamp.from(now))
                .param("username", username).param("key", key).param("claim", claimId)
                .update();
    }

    /** The request was refused or failed and changed nothing: the key may be used again. */
    void release(String username, String key, UUID claimId, Instant now) {
        jdbc.sql("""
                UPDATE idempotency_key SET state = 'RELEASED', completed_at = :now
                 WHERE username = :username AND idempotency_key = :key AND claim_id = :claim""")
                .param("now", Timestamp.from(now)).param("username", username).param("key", key)
                .param("claim", claimId)
                .update();
    }

    private Optional<Stored> find(String username, String key) {
        return jdbc.sql("""
                SELECT claim_id, request_hash, state, response_status, content_type, location, etag, response_body,
                       expires_at
                  FROM idempotency_key WHERE username = :username AND idempotency_key = :key""")
                .param("username", username).param("key", key)
                .query((rs, n) -> new Stored(rs.getObject("claim_id", UUID.class), rs.getString("request_hash"),
                        rs.getString("state"), rs.getInt("response_status"), rs.getString("content_type"),
                        rs.getString("location"), rs.getString("etag"), rs.getBytes("response_body"),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    private record Stored(UUID claimId, String requestHash, String state, int status, String contentType,
            String location, String etag, byte[] body, Instant expiresAt) {
    }
}
