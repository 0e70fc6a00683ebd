package cn.jl.govit.supervision;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One public criticism as published (通报批评, Art. 31, 33): which project of which department, by which body, under
 * which rule, and the notice's text. It names no finding's facts or evidence — those stay with the project's readers.
 */
public record SanctionNotice(UUID sanctionId, UUID projectId, String projectCode, String projectName,
        String leadOrgCode, String bodyOrgCode, String rule, String text, LocalDate imposedOn, SanctionStatus status,
        LocalDate liftedOn) {

    /** The article of the rule, as the measures number it (第三十一条). */
    public String article() {
        return cn.jl.govit.rulebook.Articles.chinese(rule);
    }

    static SanctionNotice of(Sanction sanction, String projectCode, String projectName) {
        return new SanctionNotice(sanction.id(), sanction.projectId(), projectCode, projectName, sanction.leadOrgCode(),
                sanction.bodyOrgCode(), sanction.rule(), sanction.reason(), sanction.imposedOn(), sanction.status(),
                sanction.liftedOn());
    }
}
