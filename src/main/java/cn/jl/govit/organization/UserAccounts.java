package cn.jl.govit.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.internal.ApiTokens;
import cn.jl.govit.organization.internal.RolesColumn;
import cn.jl.govit.rulebook.FieldCipher;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/** User accounts: created and changed by the administrator, locked by failed logins. */
@Service
public class UserAccounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;
    /** Seals the e-mail address at rest (SM4-GCM, see {@link UserContactColumns}). */
    private final FieldCipher cipher;
    /** Judges when a password must be changed (GB/T 22239 定期更换). */
    private final PasswordPolicy policy;
    /** A new password or a disabled account revokes the user's API tokens. */
    private final ApiTokens tokens;

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, Organizations organizations, AuditLog audit, Clock clock,
            PasswordPolicy policy, FieldCipher cipher, ApiTokens tokens) {
        this.tokens = tokens;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    /** Whether the user's password passed its maximum age, so that only a change is open to them. */
    @Transactional(readOnly = true)
    public boolean passwordExpired(String username) {
        Timestamp changed = jdbc.sql("SELECT password_changed_at FROM app_user WHERE username = :u")
                .param("u", normalize(username)).query(Timestamp.class).optional().orElse(null);
        return policy.expired(changed == null ? null : changed.toInstant());
    }

    @Transactional(readOnly = true)
    public List<UserAccount> page(String query, int page, int size) {
        return jdbc.sql("SELECT * FROM app_user WHERE (:q = '' OR username ILIKE :like OR display_name ILIKE :like "
                        + "OR organization_code ILIKE :like) ORDER BY username LIMIT :size OFFSET :offset")
                .param("q", query == null ? "" : query).param("like", like(query))
                .param("size", size).param("offset", (long) page * size)
                .query(this::map).list();
    }

    @Transactional(readOnly = true)
    public long count(String query) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE (:q = '' OR username ILIKE :like OR display_name ILIKE :like "
                        + "OR organization_code ILIKE :like)")
                .param("q", query == null ? "" : query).param("like", like(query)).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", normalize(username))
                .query(this::map).optional();
    }

    public UserAccount get(String username) {
        return find(username).orElseThrow(() -> new RecordNotFoundException("User", username));
    }

    @Transactional(readOnly = true)
    public boolean any() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single() > 0;
    }

    /** The enabled users of an organisation holding a role, for notifications (all staff of RST, SZSJ's approvers). */
    @Transactional(readOnly = true)
    public List<UserAccount> members(String organizationCode, Role role) {
        return jdbc.sql("SELECT * FROM app_user WHERE organization_code = :o AND :r = ANY (roles) AND enabled "
                        + "ORDER BY username")
                .param("o", organizationCode).param("r", role.name()).query(this::map).list();
    }

    @Transactional
    public UserAccount create(String username, String displayName, String organizationCode, Set<Role> roles,
            String password) {
        return create(username, displayName, organizationCode, roles, password, null);
    }

    /** Creates a user; {@code email} is optional (notifications are mailed to it). */
    @Transactional
    public UserAccount create(String username, String displayName, String organizationCode, Set<Role> roles,
            String password, String email) {
        String name = normalize(username);
        if (name == null || !name.matches("[a-z][a-z0-9._-]{1,49}")) {
            throw new InvalidInputException("username", "user.username.format");
        }
        if (find(name).isPresent()) {
            throw new InvalidInputException("username", "user.username.taken", name);
        }
        checkOrganization(organizationCode, roles);
        checkPassword(name, password);
        String mail = checkEmail(email);
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, organization_code, roles, enabled, "
                        + "failed_attempts, password_changed_at, version, email) "
                        + "VALUES (:u, :d, :h, :o, :r, true, 0, :now, 0, :email)")
                .param("u", name).param("d", displayName).param("h", passwords.encode(password))
                .param("email", cipher.seal(UserContactColumns.EMAIL.context(name), mail))
                .param("o", blankToNull(organizationCode)).param("r", names(roles))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record("USER_CREATED", "User", name, null, name + " " + roles + " @" + organizationCode);
        return get(name);
    }

    @Transactional
    public UserAccount update(String username, String displayName, String organizationCode, Set<Role> roles,
            boolean enabled, long version) {
        UserAccount before = get(username);
        checkOrganization(organizationCode, roles);
        int rows = jdbc.sql("UPDATE app_user SET display_name = :d, organization_code = :o, roles = :r, enabled = :e, "
                        + "version = version + 1 WHERE username = :u AND version = :v")
                .param("u", before.username()).param("d", displayName).param("o", blankToNull(organizationCode))
                .param("r", names(roles)).param("e", enabled).param("v", version)
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("user " + username + " changed meanwhile");
        }
        audit.record("USER_UPDATED", "User", before.username(), null,
                before.username() + " " + roles + " @" + organizationCode + (enabled ? "" : " disabled"));
        if (!enabled) {
            tokens.revokeAll(before.username(), "account disabled");
        }
        return get(before.username());
    }

    /** Changes the user and, unless {@code email} is {@code null}, sets (or with a blank value clears) the address. */
    @Transactional
    public UserAccount update(String username, String displayName, String organizationCode, Set<Role> roles,
            boolean enabled, long version, String email) {
        if (email != null) {
            checkEmail(email);
        }
        UserAccount updated = update(username, displayName, organizationCode, roles, enabled, version);
        return email == null ? updated : changeEmail(updated.username(), email);
    }

    /** Sets or clears ({@code null} or blank) the user's e-mail address. */
    @Transactional
    public UserAccount changeEmail(String username, String email) {
        UserAccount user = get(username);
        String mail = checkEmail(email);
        if (java.util.Objects.equals(mail, user.email())) {
            return user;
        }
        jdbc.sql("UPDATE app_user SET email = :email, version = version + 1 WHERE username = :u")
                .param("u", user.username())
                .param("email", cipher.seal(UserContactColumns.EMAIL.context(user.username()), mail)).update();
        // the address itself is personal data and stays out of the audit log
        audit.record("USER_EMAIL_CHANGED", "User", user.username(), null,
                user.username() + (mail == null ? " e-mail removed" : " e-mail set"));
        return get(user.username());
    }

    @Transactional
    public void resetPassword(String username, String password) {
        UserAccount user = get(username);
        checkPassword(user.username(), password);
        jdbc.sql("UPDATE app_user SET password_hash = :h, password_changed_at = :now, failed_attempts = 0, "
                        + "locked_until = NULL, version = version + 1 WHERE username = :u")
                .param("u", user.username()).param("h", passwords.encode(password))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record("USER_PASSWORD_RESET", "User", user.username(), null, user.username());
        tokens.revokeAll(user.username(), "password reset");
    }

    /**
     * The user's own change of password (at will, or because it passed its maximum age): the current password
     * must match, the new one must keep the rules and differ from it; the age restarts.
     */
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword) {
        UserAccount user = get(username);
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", user.username())
                .query(String.class).single();
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "password.current-wrong");
        }
        checkPassword(user.username(), newPassword, "newPassword");
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", "password.unchanged");
        }
        jdbc.sql("UPDATE app_user SET password_hash = :h, password_changed_at = :now, version = version + 1 "
                        + "WHERE username = :u")
                .param("u", user.username()).param("h", passwords.encode(newPassword))
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record("USER_PASSWORD_CHANGED", "User", user.username(), null, user.username());
        tokens.revokeAll(user.username(), "password changed");
    }

    @Transactional
    public void unlock(String username) {
        UserAccount user = get(username);
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE username = :u")
                .param("u", user.username()).update();
        audit.record("USER_UNLOCKED", "User", user.username(), null, user.username());
    }

    private void checkOrganization(String organizationCode, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "user.roles.required");
        }
        if (blankToNull(organizationCode) == null) {
            if (!roles.equals(EnumSet.of(Role.EXPERT))) {
                throw new InvalidInputException("organizationCode", "user.organization.required");
            }
            return;
        }
        Organization org = organizations.find(organizationCode)
                .orElseThrow(() -> new InvalidInputException("organizationCode", "organization.unknown", organizationCode));
        if (roles.contains(Role.DEPARTMENT_STAFF) && org.kind() != OrganizationKind.DEPARTMENT) {
            throw new InvalidInputException("roles", "user.roles.staff-needs-department");
        }
    }

    private static void checkPassword(String username, String password) {
        checkPassword(username, password, "password");
    }

    private static void checkPassword(String username, String password, String field) {
        List<String> problems = PasswordRules.check(username, password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new InvalidInputException.FieldError(field, p, List.of(PasswordRules.MIN_LENGTH)))
                    .toList());
        }
    }

    private static String checkEmail(String email) {
        String mail = blankToNull(email);
        if (mail != null && (mail.length() > 254 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new InvalidInputException("email", "user.email.format");
        }
        return mail;
    }

    static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String like(String query) {
        String q = query == null ? "" : query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + q + "%";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private UserAccount map(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("organization_code"),
                RolesColumn.read(rs.getArray("roles")), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), rs.getLong("version"),
                cipher.open(UserContactColumns.EMAIL.context(rs.getString("username")), rs.getString("email")));
    }
}
