package cn.jl.govit.obligation.web;

import java.time.LocalDate;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.jl.govit.obligation.Obligation;
import cn.jl.govit.obligation.ObligationListing;
import cn.jl.govit.obligation.ObligationStatus;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.rulebook.Articles;

/**
 * An obligation in the API's shape (api-contract "Obligations"), its status as read today.
 *
 * @param daysLeft days from today to the due date, negative when overdue
 */
@Schema(name = "Obligation")
record ObligationView(UUID id, UUID projectId, String projectCode, String projectName, ObligationType type,
        String subject, LocalDate dueDate, LocalDate windowStart, String rule, String article, ObligationStatus status,
        LocalDate metOn, String responsibleOrganizationCode, long daysLeft, String note) {

    static ObligationView of(Obligation o, LocalDate today) {
        return of(o, null, null, today);
    }

    static ObligationView of(ObligationListing listing, LocalDate today) {
        return of(listing.obligation(), listing.projectCode(), listing.projectName(), today);
    }

    private static ObligationView of(Obligation o, String projectCode, String projectName, LocalDate today) {
        return new ObligationView(o.id(), o.projectId(), projectCode, projectName, o.type(), o.subject(), o.dueDate(),
                o.windowStart(), o.rule(), Articles.chinese(o.rule()), o.statusOn(today), o.metOn(),
                o.responsibleOrganizationCode(), java.time.temporal.ChronoUnit.DAYS.between(today, o.dueDate()), o.note());
    }
}
