package cn.jl.govit.funding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.OrganizationCodes;
import cn.jl.govit.organization.Role;
import cn.jl.govit.rulebook.InvalidInputException;

/** Who acts on a project's funds, and the serialisation of the writes whose sums the rules of Art. 21 bound. */
@Component
class FundingAccess {

    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final Clock clock;

    FundingAccess(CurrentUsers users, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Finance (省财政厅) issues fund plans, disburses and confirms returns (Art. 5). */
    boolean isFinance() {
        return users.find().map(u -> u.has(Role.FINANCE_OFFICER) && OrganizationCodes.FINANCE.equals(u.organizationCode()))
                .orElse(false);
    }

    void requireFinance() {
        if (!isFinance()) {
            throw new AccessDeniedException("only Finance");
        }
    }

    String username() {
        return users.current().username();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Holds the project's funds until the transaction ends: two concurrent plans, disbursements or spending
     * records would otherwise each pass a sum check that together they break.
     */
    void lock(UUID projectId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:key))) locked")
                .param("key", "funding:" + projectId)
                .query(Integer.class).list();
    }

    /** A date of a fact is not in the future ({@code 400 date.future}). */
    static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw new InvalidInputException(field, "date.future", date.toString(), today.toString());
        }
    }
}
