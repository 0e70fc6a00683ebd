package cn.jl.govit.planning;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The planning records in PostgreSQL; plan versions and their items are never changed once written. */
@Repository
class PlanningRepository {

    private static final String DEMAND_SELECT = """
            SELECT d.*, c.year, dp.project_id FROM demand d JOIN demand_call c ON c.id = d.call_id
              LEFT JOIN demand_project dp ON dp.demand_id = d.id""";

    private final JdbcClient jdbc;

    PlanningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // plans

    void insertPlan(UUID id, String by, Instant at) {
        jdbc.sql("INSERT INTO construction_plan (id, current_version, created_by, created_at) VALUES (:id, 1, :by, :at)")
                .param("id", id).param("by", by).param("at", Timestamp.from(at)).update();
    }

    void insertVersion(PlanVersion v) {
        jdbc.sql("""
                INSERT INTO construction_plan_version (plan_id, version_no, title, period_from, period_to, approved_on,
                    approval_document, adjustment_reason, evaluation, recorded_by, recorded_at)
                VALUES (:plan, :no, :title, :from, :to, :approvedOn, :doc, :reason, :evaluation, :by, :at)""")
                .param("plan", v.planId()).param("no", v.number()).param("title", v.title())
                .param("from", v.periodFrom()).param("to", v.periodTo()).param("approvedOn", v.approvedOn())
                .param("doc", v.approvalDocument()).param("reason", v.adjustmentReason())
                .param("evaluation", v.evaluation()).param("by", v.recordedBy())
                .param("at", Timestamp.from(v.recordedAt()))
                .update();
        for (int i = 0; i < v.items().size(); i++) {
            jdbc.sql("INSERT INTO construction_plan_item (plan_id, version_no, line_no, code, title) VALUES (:p, :v, :n, :c, :t)")
                    .param("p", v.planId()).param("v", v.number()).param("n", i).param("c", v.items().get(i).code())
                    .param("t", v.items().get(i).title())
                    .update();
        }
    }

    /** Moves the plan to its next version if it is still at {@code expected}. */
    void advancePlan(UUID id, int expected) {
        int rows = jdbc.sql("UPDATE construction_plan SET current_version = current_version + 1 WHERE id = :id AND current_version = :v")
                .param("id", id).param("v", expected).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("plan " + id + " is no longer at version " + expected);
        }
    }

    Optional<Integer> currentVersion(UUID planId) {
        return jdbc.sql("SELECT current_version FROM construction_plan WHERE id = :id").param("id", planId)
                .query(Integer.class).optional();
    }

    Optional<PlanVersion> version(UUID planId, int number) {
        return jdbc.sql("SELECT * FROM construction_plan_version WHERE plan_id = :p AND version_no = :v")
                .param("p", planId).param("v", number).query(this::mapVersion).optional();
    }

    List<PlanVersion> versions(UUID planId) {
        return jdbc.sql("SELECT * FROM construction_plan_version WHERE plan_id = :p ORDER BY version_no")
                .param("p", planId).query(this::mapVersion).list();
    }

    /** The current versions of all plans, the most recently approved first. */
    List<PlanVersion> currentVersions(int offset, int limit) {
        return jdbc.sql("""
                SELECT v.* FROM construction_plan p JOIN construction_plan_version v
                  ON v.plan_id = p.id AND v.version_no = p.current_version
                ORDER BY v.period_from DESC, p.created_at DESC LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset).query(this::mapVersion).list();
    }

    long countPlans() {
        return jdbc.sql("SELECT count(*) FROM construction_plan").query(Long.class).single();
    }

    /** The current version of the plan in force for a year: the one covering it, most recently approved. */
    Optional<PlanVersion> currentPlanFor(int year) {
        return jdbc.sql("""
                SELECT v.* FROM construction_plan p JOIN construction_plan_version v
                  ON v.plan_id = p.id AND v.version_no = p.current_version
                WHERE v.period_from <= :year AND :year <= v.period_to
                ORDER BY v.approved_on DESC, v.recorded_at DESC LIMIT 1""")
                .param("year", year).query(this::mapVersion).optional();
    }

    private PlanVersion mapVersion(ResultSet rs, int n) throws SQLException {
        UUID planId = rs.getObject("plan_id", UUID.class);
        int number = rs.getInt("version_no");
        List<PlanItem> items = jdbc.sql("SELECT code, title FROM construction_plan_item WHERE plan_id = :p AND version_no = :v ORDER BY line_no")
                .param("p", planId).param("v", number)
                .query((r, i) -> new PlanItem(r.getString("code"), r.getString("title"))).list();
        return new PlanVersion(planId, number, rs.getString("title"), rs.getInt("period_from"), rs.getInt("period_to"),
                rs.getObject("approved_on", LocalDate.class), rs.getString("approval_document"),
                rs.getString("adjustment_reason"), rs.getString("evaluation"), items, rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant());
    }

    // calls

    void insertCall(DemandCall call, Instant at) {
        jdbc.sql("""
                INSERT INTO demand_call (id, year, opens_on, closes_on, focus_areas, created_by, created_at, version)
                VALUES (:id, :year, :opens, :closes, :focus, :by, :at, 0)""")
                .param("id", call.id()).param("year", call.year()).param("opens", call.opensOn())
                .param("closes", call.closesOn()).param("focus", call.focusAreas().toArray(String[]::new))
                .param("by", call.createdBy()).param("at", Timestamp.from(at))
                .update();
    }

    Optional<DemandCall> call(UUID id) {
        return jdbc.sql("SELECT * FROM demand_call WHERE id = :id").param("id", id).query(PlanningRepository::mapCall).optional();
    }

    Optional<DemandCall> callFor(int year) {
        return jdbc.sql("SELECT * FROM demand_call WHERE year = :y").param("y", year).query(PlanningRepository::mapCall).optional();
    }

    List<DemandCall> calls(int offset, int limit) {
        return jdbc.sql("SELECT * FROM demand_call ORDER BY year DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(PlanningRepository::mapCall).list();
    }

    long countCalls() {
        return jdbc.sql("SELECT count(*) FROM demand_call").query(Long.class).single();
    }

    private static DemandCall mapCall(ResultSet rs, int n) throws SQLException {
        return new DemandCall(rs.getObject("id", UUID.class), rs.getInt("year"), rs.getObject("opens_on", LocalDate.class),
                rs.getObject("closes_on", LocalDate.class), strings(rs.getArray("focus_areas")), rs.getString("created_by"),
                rs.getLong("version"));
    }

    // demands

    void insertDemand(Demand d) {
        jdbc.sql("""
                INSERT INTO demand (id, call_id, organization_code, title, content, estimate, plan_id, plan_version,
                    plan_item_code, participating_organization_codes, status, filed_by, filed_at, version)
                VALUES (:id, :call, :org, :title, :content, :estimate, :plan, :planVersion, :item, :participants,
                    :status, :by, :at, 0)""")
                .param("id", d.id()).param("call", d.callId()).param("org", d.organizationCode())
                .param("title", d.title()).param("content", d.content()).param("estimate", d.estimate())
                .param("plan", d.planId()).param("planVersion", d.planVersion()).param("item", d.planItemCode())
                .param("participants", d.participatingOrganizationCodes().toArray(String[]::new))
                .param("status", d.status().name()).param("by", d.filedBy()).param("at", Timestamp.from(d.filedAt()))
                .update();
    }

    void insertDocument(UUID demandId, DemandDocument document, Instant at) {
        jdbc.sql("""
                INSERT INTO demand_document (demand_id, file_name, size, sm3, bytes, created_at)
                VALUES (:id, :name, :size, :sm3, :bytes, :at)""")
                .param("id", demandId).param("name", document.fileName()).param("size", document.size())
                .param("sm3", document.sm3()).param("bytes", document.bytes()).param("at", Timestamp.from(at))
                .update();
    }

    Optional<DemandDocument> document(UUID demandId) {
        return jdbc.sql("SELECT file_name, size, sm3, bytes FROM demand_document WHERE demand_id = :id")
                .param("id", demandId)
                .query((rs, n) -> new DemandDocument(rs.getString("file_name"), rs.getLong("size"), rs.getString("sm3"),
                        rs.getBytes("bytes")))
                .optional();
    }

    /** Those of the given demands that were filed as a Word file. */
    java.util.Set<UUID> withDocument(List<UUID> demandIds) {
        if (demandIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("SELECT demand_id FROM demand_document WHERE demand_id IN (:ids)")
                .param("ids", demandIds).query(UUID.class).list());
    }

    Optional<Demand> demand(UUID id) {
        return jdbc.sql(DEMAND_SELECT + " WHERE d.id = :id").param("id", id).query(PlanningRepository::mapDemand).optional();
    }

    /** A call's demands in rank order: highest score first, unscored last, then in order of filing. */
    List<Demand> demands(UUID callId, String organizationCode, DemandStatus status, int offset, int limit) {
        return jdbc.sql(DEMAND_SELECT + """
                 WHERE (CAST(:call AS uuid) IS NULL OR d.call_id = :call)
                   AND (CAST(:org AS text) IS NULL OR d.organization_code = :org)
                   AND (CAST(:status AS text) IS NULL OR d.status = :status)
                ORDER BY c.year DESC, d.score DESC NULLS LAST, d.filed_at, d.id LIMIT :limit OFFSET :offset""")
                .param("call", callId).param("org", organizationCode).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query(PlanningRepository::mapDemand).list();
    }

    long countDemands(UUID callId, String organizationCode, DemandStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM demand d
                 WHERE (CAST(:call AS uuid) IS NULL OR d.call_id = :call)
                   AND (CAST(:org AS text) IS NULL OR d.organization_code = :org)
                   AND (CAST(:status AS text) IS NULL OR d.status = :status)""")
                .param("call", callId).param("org", organizationCode).param("status", status == null ? null : status.name())
                .query(Long.class).single();
    }

    List<Demand> demandsOfProject(UUID projectId) {
        return jdbc.sql(DEMAND_SELECT + " WHERE dp.project_id = :p ORDER BY d.filed_at, d.id").param("p", projectId)
                .query(PlanningRepository::mapDemand).list();
    }

    void score(UUID id, long version, int score, String note, String by) {
        int rows = jdbc.sql("""
                UPDATE demand SET score = :score, score_note = :note, scored_by = :by, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("score", score).param("note", note).param("by", by)
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("demand " + id + " changed meanwhile");
        }
    }

    /** Triages an open demand; a demand triaged meanwhile by someone else is a race ({@code 409}). */
    void triage(UUID id, DemandStatus status, String declineReason, UUID projectId, String by, Instant at) {
        int rows = jdbc.sql("""
                UPDATE demand SET status = :status, decline_reason = :reason, triaged_by = :by, triaged_at = :at,
                    version = version + 1
                WHERE id = :id AND status = 'OPEN'""")
                .param("id", id).param("status", status.name()).param("reason", declineReason).param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("demand " + id + " was triaged meanwhile");
        }
        if (projectId != null) {
            jdbc.sql("INSERT INTO demand_project (demand_id, project_id) VALUES (:d, :p)").param("d", id).param("p", projectId)
                    .update();
        }
    }

    private static Demand mapDemand(ResultSet rs, int n) throws SQLException {
        Object score = rs.getObject("score");
        return new Demand(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class), rs.getInt("year"),
                rs.getString("organization_code"), rs.getString("title"), rs.getString("content"),
                rs.getBigDecimal("estimate"), rs.getObject("plan_id", UUID.class), rs.getInt("plan_version"),
                rs.getString("plan_item_code"), strings(rs.getArray("participating_organization_codes")),
                score == null ? null : ((Number) score).intValue(), rs.getString("score_note"),
                DemandStatus.valueOf(rs.getString("status")), rs.getString("decline_reason"),
                rs.getObject("project_id", UUID.class), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
                rs.getLong("version"));
    }

    // responsibilities

    Optional<ProjectResponsibilities> responsibilities(UUID projectId) {
        return jdbc.sql("SELECT * FROM project_responsibilities WHERE project_id = :p").param("p", projectId)
                .query((rs, n) -> new ProjectResponsibilities(projectId,
                        jdbc.sql("""
                                SELECT * FROM project_responsibility WHERE project_id = :p AND version = :v
                                ORDER BY organization_code""")
                                .param("p", projectId).param("v", rs.getLong("version"))
                                .query((r, i) -> new Responsibility(r.getString("organization_code"),
                                        r.getString("construction_scope"), r.getString("obligations")))
                                .list(),
                        rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version")))
                .optional();
    }

    /** Replaces the responsibilities; {@code expected} is the version read, {@code null} for the first record. */
    void saveResponsibilities(UUID projectId, Long expected, List<Responsibility> list, String by, Instant at) {
        Optional<ProjectResponsibilities> existing = responsibilities(projectId);
        if (existing.isEmpty()) {
            if (expected != null && expected != 0) {
                throw new OptimisticLockingFailureException("responsibilities of " + projectId + " are at version 0");
            }
            jdbc.sql("INSERT INTO project_responsibilities (project_id, recorded_by, recorded_at, version) VALUES (:p, :by, :at, 1)")
                    .param("p", projectId).param("by", by).param("at", Timestamp.from(at)).update();
        }
        else {
            long version = expected == null ? existing.get().version() : expected;
            int rows = jdbc.sql("""
                    UPDATE project_responsibilities SET recorded_by = :by, recorded_at = :at, version = version + 1
                    WHERE project_id = :p AND version = :v""")
                    .param("p", projectId).param("by", by).param("at", Timestamp.from(at)).param("v", version).update();
            if (rows == 0) {
                throw new OptimisticLockingFailureException("responsibilities of " + projectId + " changed meanwhile");
            }
        }
        // the new version's rows; the earlier versions' stay (Art. 30)
        long version = responsibilities(projectId).orElseThrow().version();
        for (Responsibility r : list) {
            jdbc.sql("""
                    INSERT INTO project_responsibility (project_id, version, organization_code, construction_scope, obligations)
                    VALUES (:p, :version, :o, :s, :d)""")
                    .param("p", projectId).param("version", version).param("o", r.organizationCode())
                    .param("s", r.constructionScope())
                    .param("d", r.obligations())
                    .update();
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static BigDecimal sum(List<Demand> demands) {
        return demands.stream().map(Demand::estimate).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
