package cn.jl.govit.project;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A list's {@code WHERE} holds exactly the conditions that apply, and their parameters (issue 8). */
class ProjectConditionsTests {

    @Test
    void theProvincialBodiesScopeAddsNothingADepartmentsAddsLeadOrParticipantByContainment() {
        ProjectConditions all = ProjectConditions.within(new ProjectScope.Filter(true, null));
        assertThat(all.where()).isEqualTo(" WHERE true");
        assertThat(all.params()).isEmpty();
        assertThat(all.onProject()).isFalse();

        ProjectConditions department = ProjectConditions.within(new ProjectScope.Filter(false, "RST"));
        assertThat(department.where()).isEqualTo(" WHERE true AND (p.lead_organization_code = :org"
                + " OR p.participating_organization_codes @> ARRAY[CAST(:org AS text)])");
        assertThat(department.params()).containsExactlyEntriesOf(java.util.Map.of("org", "RST"));
        assertThat(department.onProject()).isTrue();
    }

    @Test
    void aCriterionNotAskedForAddsNoCondition() {
        ProjectConditions c = ProjectConditions.within(new ProjectScope.Filter(true, null))
                .authority(null).approvedIn(null).when(null, " AND o.type = :type", "type");
        assertThat(c.where()).isEqualTo(" WHERE true");
        assertThat(c.params()).isEmpty();
        assertThat(c.onProject()).isFalse();
    }

    @Test
    void authorityAndYearOfApprovalAreProjectColumnsOwnCriteriaAreNot() {
        ProjectConditions c = ProjectConditions.within(new ProjectScope.Filter(true, null))
                .when("PERFORMANCE_REPORT", " AND o.type = :type", "type");
        assertThat(c.onProject()).as("a condition on the list's own table").isFalse();
        c.authority(ApprovalAuthority.DIGITAL_BUREAU).approvedIn(2026).param("today", "2026-11-27");
        assertThat(c.where()).isEqualTo(" WHERE true AND o.type = :type AND p.approval_authority = :authority"
                + " AND p.approved_on >= make_date(:year, 1, 1) AND p.approved_on < make_date(:year + 1, 1, 1)");
        assertThat(c.params()).containsEntry("type", "PERFORMANCE_REPORT").containsEntry("authority", "DIGITAL_BUREAU")
                .containsEntry("year", 2026).containsEntry("today", "2026-11-27").hasSize(4);
        assertThat(c.onProject()).isTrue();
    }

    @Test
    void aScopeOfNoneMatchesNoOrganisation() {
        ProjectConditions none = ProjectConditions.within(new ProjectScope.Filter(false, null));
        assertThat(none.params()).containsEntry("org", "");
    }
}
