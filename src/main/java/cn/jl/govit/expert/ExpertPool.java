package cn.jl.govit.expert;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.FieldCipher;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;

/**
 * The expert pool (专家库): user accounts with the role {@code EXPERT}, enrolled with their fields of expertise
 * by the system administrator or an approver of the Digital Bureau or the DRC. The expert's organisation is
 * always that of the user account as it is now (the one recorded at enrolment is kept for the record only), so
 * that the conflict check of a draw sees where the expert works today.
 */
@Service
public class ExpertPool {

    private final ExpertRepository repository;
    private final UserAccounts accounts;
    private final CurrentUsers users;
    private final AuditLog audit;
    private final Clock clock;
    private final FieldCipher cipher;

    ExpertPool(ExpertRepository repository, UserAccounts accounts, CurrentUsers users, AuditLog audit, Clock clock,
            FieldCipher cipher) {
        this.cipher = cipher;
        this.repository = repository;
        this.accounts = accounts;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The administrator and the approvers of the two approval authorities manage the pool. */
    public boolean canManage() {
        return users.find().map(ExpertPool::manages).orElse(false);
    }

    static boolean manages(CurrentUser user) {
        return user.has(Role.ADMIN) || user.isApproverOf(OrganizationCodes.DIGITAL_BUREAU)
                || user.isApproverOf(OrganizationCodes.DEVELOPMENT_REFORM);
    }

    /** Refuses ({@code 403}) anyone who does not manage the pool. */
    public void checkMayManage() {
        if (!manages(users.current())) {
            throw new AccessDeniedException("only the administrator and the approvers manage the expert pool");
        }
    }

    @Transactional(readOnly = true)
    public List<Expert> all() {
        checkMayManage();
        return repository.experts();
    }

    @Transactional(readOnly = true)
    public Expert get(String username) {
        checkMayManage();
        return repository.expert(normalize(username)).orElseThrow(() -> new RecordNotFoundException("Expert", username));
    }

    /** Enrols an expert account in the pool. */
    @Transactional
    public Expert enroll(String username, Set<ExpertField> fields, boolean active) {
        checkMayManage();
        String name = normalize(username);
        UserAccount account = accounts.find(name).filter(a -> a.roles().contains(Role.EXPERT))
                .orElseThrow(() -> new InvalidInputException("username", "expert.username.not-expert", String.valueOf(username)));
        if (repository.expert(name).isPresent()) {
            throw new InvalidInputException("username", "expert.username.enrolled", name);
        }
        Expert expert = new Expert(account.username(), account.displayName(), account.organizationCode(), fields, active, 0);
        repository.insert(expert, clock.instant());
        audit.record("EXPERT_ENROLLED", "Expert", name, null, summary(expert));
        return repository.expert(name).orElseThrow();
    }

    /** Changes an expert's fields or takes the expert out of (or back into) the draws. */
    @Transactional
    public Expert update(String username, Set<ExpertField> fields, boolean active, Long expectedVersion) {
        Expert before = get(username);
        UserAccount account = accounts.get(before.username());
        Expert after = new Expert(before.username(), account.displayName(), account.organizationCode(), fields, active,
                before.version());
        repository.update(after, expectedVersion == null ? before.version() : expectedVersion);
        audit.record("EXPERT_UPDATED", "Expert", before.username(), null, summary(after));
        return repository.expert(before.username()).orElseThrow();
    }

    /** An expert's ID number and phone in full (those who manage the pool). */
    @Transactional(readOnly = true)
    public ExpertContact contact(String username) {
        Expert expert = get(username);
        return repository.contact(expert.username()).orElseThrow();
    }

    /** Every expert's ID number and phone, masked, for the pool page (those who manage the pool). */
    @Transactional(readOnly = true)
    public java.util.Map<String, ExpertContact> maskedContacts() {
        checkMayManage();
        java.util.Map<String, ExpertContact> out = new java.util.LinkedHashMap<>();
        repository.contacts().forEach(c -> out.put(c.username(), c.masked()));
        return out;
    }

    /**
     * Sets (or with a blank value removes) an expert's ID number and phone. An ID number is unique in the pool;
     * its blind index finds the other holder without decrypting anything. The audit names the change, never the
     * values.
     */
    @Transactional
    public ExpertContact changeContact(String username, String idNumber, String phone, Long expectedVersion) {
        Expert expert = get(username);
        String id = ExpertContactRules.checkIdNumber(idNumber);
        String p = ExpertContactRules.checkPhone(phone);
        if (id != null) {
            repository.usernameByIdNumberIndex(cipher.blindIndex(ExpertContactColumns.ID_NUMBER.indexName(), id))
                    .filter(other -> !other.equals(expert.username()))
                    .ifPresent(other -> {
                        throw new InvalidInputException("idNumber", "expert.idNumber.taken");
                    });
        }
        repository.updateContact(expert.username(), id, p, expectedVersion == null ? expert.version() : expectedVersion);
        audit.record("EXPERT_CONTACT_CHANGED", "Expert", expert.username(), null, expert.username()
                + (id == null ? " no ID number" : " ID number set") + (p == null ? ", no phone" : ", phone set"));
        return repository.contact(expert.username()).orElseThrow();
    }

    /** The pool member with this ID number, found through its blind index (those who manage the pool). */
    @Transactional(readOnly = true)
    public java.util.Optional<Expert> findByIdNumber(String idNumber) {
        checkMayManage();
        String id = ExpertContactRules.checkIdNumber(idNumber);
        if (id == null) {
            throw new InvalidInputException("idNumber", "expert.idNumber.format");
        }
        return repository.usernameByIdNumberIndex(cipher.blindIndex(ExpertContactColumns.ID_NUMBER.indexName(), id))
                .flatMap(repository::expert);
    }

    /** Every pool member, for the draw; no role check (the caller forms a panel). */
    List<Expert> members() {
        return repository.experts();
    }

    private static String summary(Expert expert) {
        return expert.username() + " " + expert.fields().stream().map(Enum::name).sorted().toList()
                + (expert.organizationCode() == null ? "" : " @" + expert.organizationCode())
                + (expert.active() ? "" : " inactive");
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
