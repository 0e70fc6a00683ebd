package cn.jl.govit.expert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jl.govit.rulebook.PageOf;

/** The acceptance committees, their material snapshots and the members' assignments in PostgreSQL. */
@Repository
class AcceptanceCommitteeRepository {

    /** The column of each aspect; one column each so that a filed opinion reads in SQL as it reads on the page. */
    private static final Map<AcceptanceAspect, String> COLUMNS = new EnumMap<>(Map.of(
            AcceptanceAspect.GOALS_AND_SCALE, "goals_and_scale",
            AcceptanceAspect.INVESTMENT, "investment",
            AcceptanceAspect.DESIGN_SUPERVISION_CONSTRUCTION, "design_supervision_construction",
            AcceptanceAspect.PROCUREMENT, "procurement",
            AcceptanceAspect.SECURITY_AND_RISK, "security_and_risk",
            AcceptanceAspect.CRYPTOGRAPHY, "cryptography",
            AcceptanceAspect.ARCHIVES, "archives",
            AcceptanceAspect.BUDGET_AND_ACCOUNTS, "budget_and_accounts"));

    private static final String ASSIGNMENT_SELECT = "SELECT a.*, c.project_code, c.project_name FROM acceptance_assignment a "
            + "JOIN acceptance_committee c ON c.id = a.committee_id ";

    private final JdbcClient jdbc;

    AcceptanceCommitteeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(UUID applicationId) {
        return jdbc.sql("SELECT count(*) FROM acceptance_committee WHERE application_id = :a").param("a", applicationId)
                .query(Long.class).single() > 0;
    }

    void insert(AcceptanceCommittee committee) {
        jdbc.sql("INSERT INTO acceptance_committee (id, application_id, project_id, project_code, project_name, method, "
                        + "conflicting_organizations, formed_by, formed_at) VALUES (:id, :a, :p, :code, :name, :m, :c, :by, :at)")
                .param("id", committee.id()).param("a", committee.applicationId()).param("p", committee.projectId())
                .param("code", committee.projectCode()).param("name", committee.projectName())
                .param("m", committee.method().name())
                .param("c", new TreeSet<>(committee.conflictingOrganizationCodes()).toArray(String[]::new))
                .param("by", committee.formedBy()).param("at", Timestamp.from(committee.formedAt())).update();
        int position = 0;
        for (MaterialRef m : committee.materials()) {
            jdbc.sql("INSERT INTO acceptance_committee_material (committee_id, position, code, title, document_id, sm3) "
                            + "VALUES (:c, :pos, :code, :title, :doc, :sm3)")
                    .param("c", committee.id()).param("pos", position++).param("code", m.code()).param("title", m.title())
                    .param("doc", m.documentId()).param("sm3", m.sm3()).update();
        }
        for (AcceptanceAssignment a : committee.members()) {
            jdbc.sql("INSERT INTO acceptance_assignment (id, committee_id, application_id, project_id, expert_username, "
                            + "status, assigned_at, version) VALUES (:id, :c, :a, :p, :u, :st, :at, 0)")
                    .param("id", a.id()).param("c", committee.id()).param("a", a.applicationId()).param("p", a.projectId())
                    .param("u", a.expertUsername()).param("st", a.status().name())
                    .param("at", Timestamp.from(a.assignedAt())).update();
        }
    }

    Optional<AcceptanceCommittee> committeeOf(UUID applicationId) {
        return jdbc.sql("SELECT * FROM acceptance_committee WHERE application_id = :a").param("a", applicationId)
                .query((rs, n) -> committee(rs)).optional()
                .map(this::withChildren);
    }

    private AcceptanceCommittee withChildren(AcceptanceCommittee c) {
        List<MaterialRef> materials = jdbc.sql("SELECT * FROM acceptance_committee_material WHERE committee_id = :c "
                        + "ORDER BY position").param("c", c.id())
                .query((rs, n) -> new MaterialRef(rs.getString("code"), rs.getString("title"),
                        rs.getObject("document_id", UUID.class), rs.getString("sm3"))).list();
        List<AcceptanceAssignment> members = jdbc.sql(ASSIGNMENT_SELECT + "WHERE a.committee_id = :c ORDER BY a.expert_username")
                .param("c", c.id()).query(AcceptanceCommitteeRepository::assignment).list();
        return new AcceptanceCommittee(c.id(), c.applicationId(), c.projectId(), c.projectCode(), c.projectName(),
                c.method(), c.formedBy(), c.formedAt(), materials, c.conflictingOrganizationCodes(), members);
    }

    Optional<AcceptanceAssignment> assignment(UUID id) {
        return jdbc.sql(ASSIGNMENT_SELECT + "WHERE a.id = :id").param("id", id)
                .query(AcceptanceCommitteeRepository::assignment).optional();
    }

    /** An expert's assignments, open ones first, newest first within each. */
    PageOf<AcceptanceAssignment> assignmentsOf(String username, int page, int size) {
        long total = jdbc.sql("SELECT count(*) FROM acceptance_assignment WHERE expert_username = :u").param("u", username)
                .query(Long.class).single();
        List<AcceptanceAssignment> content = jdbc.sql(ASSIGNMENT_SELECT + "WHERE a.expert_username = :u "
                        + "ORDER BY (a.status = 'OPEN') DESC, a.assigned_at DESC, a.id LIMIT :size OFFSET :offset")
                .param("u", username).param("size", size).param("offset", (long) page * size)
                .query(AcceptanceCommitteeRepository::assignment).list();
        return new PageOf<>(content, page, size, total);
    }

    boolean isMember(UUID applicationId, String username) {
        return jdbc.sql("SELECT count(*) FROM acceptance_assignment WHERE application_id = :a AND expert_username = :u")
                .param("a", applicationId).param("u", username).query(Long.class).single() > 0;
    }

    /** Files the opinion if the assignment is still at the version read; {@code false} when it is not. */
    boolean file(AcceptanceAssignment assignment) {
        AcceptanceOpinion o = assignment.opinion();
        StringBuilder set = new StringBuilder("UPDATE acceptance_assignment SET status = :st, conclusion = :c, "
                + "overall_opinion = :o, filed_at = :at, version = version + 1");
        COLUMNS.values().forEach(col -> set.append(", ").append(col).append(" = :").append(col));
        var statement = jdbc.sql(set + " WHERE id = :id AND version = :v AND status = 'OPEN'")
                .param("id", assignment.id()).param("v", assignment.version()).param("st", assignment.status().name())
                .param("c", o.conclusion().name()).param("o", o.overallOpinion()).param("at", Timestamp.from(o.filedAt()));
        for (var e : COLUMNS.entrySet()) {
            statement = statement.param(e.getValue(), o.aspect(e.getKey()));
        }
        return statement.update() == 1;
    }

    private static AcceptanceCommittee committee(ResultSet rs) throws SQLException {
        Set<String> conflicts = new TreeSet<>();
        Array array = rs.getArray("conflicting_organizations");
        for (Object o : (Object[]) array.getArray()) {
            conflicts.add((String) o);
        }
        return new AcceptanceCommittee(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("project_code"), rs.getString("project_name"),
                AcceptanceCommittee.Method.valueOf(rs.getString("method")), rs.getString("formed_by"),
                rs.getTimestamp("formed_at").toInstant(), List.of(), conflicts, new ArrayList<>());
    }

    private static AcceptanceAssignment assignment(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String username = rs.getString("expert_username");
        AcceptanceOpinion opinion = null;
        String conclusion = rs.getString("conclusion");
        if (conclusion != null) {
            Map<AcceptanceAspect, String> aspects = new EnumMap<>(AcceptanceAspect.class);
            for (var e : COLUMNS.entrySet()) {
                aspects.put(e.getKey(), rs.getString(e.getValue()));
            }
            opinion = new AcceptanceOpinion(id, username, aspects, AcceptanceConclusion.valueOf(conclusion),
                    rs.getString("overall_opinion"), rs.getTimestamp("filed_at").toInstant());
        }
        return new AcceptanceAssignment(id, rs.getObject("committee_id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("project_code"), rs.getString("project_name"), username,
                rs.getTimestamp("assigned_at").toInstant(), AssignmentStatus.valueOf(rs.getString("status")), opinion,
                rs.getLong("version"));
    }
}
