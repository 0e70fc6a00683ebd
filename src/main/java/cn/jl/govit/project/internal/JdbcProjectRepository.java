package cn.jl.govit.project.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalPath;
import cn.jl.govit.project.ApprovalPathPolicy;
import cn.jl.govit.project.ApprovalPathType;
import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.ConstructionModeDecision;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectConditions;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.ProjectListFilter;
import cn.jl.govit.project.ProjectRepository;
import cn.jl.govit.project.ProjectScope;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.SelfBuildException;
import cn.jl.govit.project.Stage;

/** Projects in PostgreSQL: one row per project, funding lines in their own table. */
@Repository
class JdbcProjectRepository implements ProjectRepository {

    /**
     * Searches of two characters or more go through the GIN index over the character pairs of name and code
     * ({@code search_bigrams}, V7_10): a Chinese search is mostly a two-character word, which pg_trgm's trigrams
     * cannot index. The pairs only narrow the rows; ILIKE decides.
     */
    static final int INDEXED_QUERY_LENGTH = 2;

    private final JdbcClient jdbc;

    JdbcProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Project p) {
        jdbc.sql("""
                INSERT INTO project (id, code, name, summary, categories, lead_organization_code,
                    participating_organization_codes, estimated_investment, construction_period_months,
                    in_provincial_plan, emergency, simple_or_equipment_only, classified, new_civil_works,
                    high_energy_use, builds_new_cloud_platform, status, approval_authority, approval_path_type,
                    approval_stages, legal_basis, construction_mode, construction_mode_exception,
                    construction_mode_justification, construction_mode_decided_by, construction_mode_decided_on,
                    approved_estimate, approved_stages, approved_on, approved_construction_period_months,
                    construction_started_on, initial_accepted_on, operation_started_on, created_by, created_at, version)
                VALUES (:id, :code, :name, :summary, :categories, :lead, :participants, :estimate, :period,
                    :inPlan, :emergency, :simple, :classified, :civil, :energy, :cloud, :status, :authority,
                    :pathType, :stages, :legalBasis, :mode, :modeException, :modeJustification, :modeBy, :modeOn,
                    :approvedEstimate, :approvedStages, :approvedOn, :approvedPeriod, :startedOn, :initialAcceptedOn, :operationStartedOn, :createdBy, :createdAt, 0)""")
                .params(columns(p))
                .param("code", p.code())
                .param("name", p.name())
                .param("summary", p.summary())
                .param("categories", p.categories().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("lead", p.leadOrganizationCode())
                .param("participants", p.participatingOrganizationCodes().toArray(String[]::new))
                .param("estimate", p.estimatedInvestment())
                .param("period", p.constructionPeriodMonths())
                .param("inPlan", p.facts().inProvincialPlan())
                .param("emergency", p.facts().emergency() == null ? null : p.facts().emergency().name())
                .param("simple", p.facts().simpleOrEquipmentOnly())
                .param("classified", p.facts().classified())
                .param("civil", p.facts().newCivilWorks())
                .param("energy", p.facts().highEnergyUse())
                .param("cloud", p.facts().buildsNewCloudPlatform())
                .param("createdBy", p.createdBy())
                .param("createdAt", Timestamp.from(p.createdAt()))
                .update();
        List<FundingLine> lines = p.facts().fundingSources();
        for (int i = 0; i < lines.size(); i++) {
            jdbc.sql("INSERT INTO project_funding_source (project_id, line_no, source, amount) VALUES (:id, :n, :s, :a)")
                    .param("id", p.id()).param("n", i).param("s", lines.get(i).source().name())
                    .param("a", lines.get(i).amount())
                    .update();
        }
    }

    @Override
    public Project update(Project p) {
        int rows = jdbc.sql("""
                UPDATE project SET status = :status, approval_authority = :authority, approval_path_type = :pathType,
                    approval_stages = :stages, legal_basis = :legalBasis, construction_mode = :mode,
                    construction_mode_exception = :modeException, construction_mode_justification = :modeJustification,
                    construction_mode_decided_by = :modeBy, construction_mode_decided_on = :modeOn,
                    approved_estimate = :approvedEstimate, approved_stages = :approvedStages, approved_on = :approvedOn,
                    approved_construction_period_months = :approvedPeriod, construction_started_on = :startedOn,
                    initial_accepted_on = :initialAcceptedOn, operation_started_on = :operationStartedOn,
                    funds_suspended = :fundsSuspended, suspension_rule = :suspensionRule, terminated_on = :terminatedOn,
                    version = version + 1
                WHERE id = :id AND version = :version""")
                .params(columns(p))
                .param("version", p.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("project " + p.id() + " was changed by someone else");
        }
        return findById(p.id()).orElseThrow();
    }

    private static Map<String, Object> columns(Project p) {
        Map<String, Object> c = new HashMap<>();
        ConstructionModeDecision mode = p.constructionMode();
        c.put("id", p.id());
        c.put("status", p.status().name());
        c.put("authority", p.approvalAuthority().name());
        c.put("pathType", p.approvalPath().type().name());
        c.put("stages", p.approvalPath().stages().stream().map(Enum::name).toArray(String[]::new));
        c.put("legalBasis", p.approvalPath().legalBasis());
        c.put("mode", mode == null ? null : mode.mode().name());
        c.put("modeException", mode == null || mode.exception() == null ? null : mode.exception().name());
        c.put("modeJustification", mode == null ? null : mode.justification());
        c.put("modeBy", mode == null ? null : mode.decidedBy());
        c.put("modeOn", mode == null ? null : mode.decidedOn());
        c.put("approvedEstimate", p.approvedEstimate());
        c.put("approvedStages", p.approvedStages().stream().sorted().map(Enum::name).toArray(String[]::new));
        c.put("approvedOn", p.approvedOn());
        c.put("approvedPeriod", p.approvedOn() == null ? null : p.approvedConstructionPeriodMonths());
        c.put("startedOn", p.constructionStartedOn());
        c.put("initialAcceptedOn", p.initialAcceptedOn());
        c.put("operationStartedOn", p.operationStartedOn());
        c.put("fundsSuspended", p.restrictions().fundsSuspended());
        c.put("suspensionRule", p.restrictions().suspensionRule());
        c.put("terminatedOn", p.restrictions().terminatedOn());
        return c;
    }

    @Override
    public Optional<Project> findById(UUID id) {
        // one statement, the funding lines as arrays: one snapshot without a transaction, one round trip (issue 8)
        return jdbc.sql("""
                SELECT p.*,
                       ARRAY(SELECT f.source FROM project_funding_source f WHERE f.project_id = p.id ORDER BY f.line_no)
                           AS funding_sources,
                       ARRAY(SELECT f.amount FROM project_funding_source f WHERE f.project_id = p.id ORDER BY f.line_no)
                           AS funding_amounts
                FROM project p WHERE p.id = :id""")
                .param("id", id)
                .query((rs, n) -> row(rs).toProject(fundingLines(rs)))
                .optional();
    }

    private static List<FundingLine> fundingLines(ResultSet rs) throws SQLException {
        String[] sources = (String[]) rs.getArray("funding_sources").getArray();
        BigDecimal[] amounts = (BigDecimal[]) rs.getArray("funding_amounts").getArray();
        List<FundingLine> lines = new ArrayList<>(sources.length);
        for (int i = 0; i < sources.length; i++) {
            lines.add(new FundingLine(FundingSource.valueOf(sources[i]), amounts[i]));
        }
        return lines;
    }

    @Override
    public long count(ProjectScope.Filter scope, ProjectStatus status, String query) {
        return count(scope, ProjectListFilter.of(status, query));
    }

    @Override
    public List<Project> page(ProjectScope.Filter scope, ProjectListFilter filter, int page, int size,
            boolean commonWord) {
        return load(filtered("SELECT p.* FROM project p", scope, filter, commonWord,
                " ORDER BY p.created_at DESC, p.code DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size));
    }

    @Override
    public long count(ProjectScope.Filter scope, ProjectListFilter filter) {
        return filtered("SELECT count(*) FROM project p", scope, filter, false, "")
                .query(Long.class).single();
    }

    @Override
    public Map<ProjectStatus, Long> countByStatus(ProjectScope.Filter scope) {
        Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
        filtered("SELECT p.status, count(*) AS n FROM project p", scope, ProjectListFilter.of(null, ""), false,
                " GROUP BY p.status")
                .query((rs, n) -> Map.entry(ProjectStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public String nextCode(int year) {
        long next = jdbc.sql("""
                INSERT INTO project_code_sequence (year, last_value) VALUES (:year, 1)
                ON CONFLICT (year) DO UPDATE SET last_value = project_code_sequence.last_value + 1
                RETURNING last_value""")
                .param("year", year)
                .query(Long.class).single();
        return String.format("JLZW-%d-%04d", year, next);
    }

    /**
     * The statement with only the conditions that apply ({@link ProjectConditions}). A search narrows by the pairs
     * index and decides by ILIKE; for a {@code commonWord} (a third of all projects hold 系统) only ILIKE, so that the
     * page is read in list order and stops once full instead of fetching and sorting every match.
     */
    private JdbcClient.StatementSpec filtered(String select, ProjectScope.Filter scope, ProjectListFilter filter,
            boolean commonWord, String tail) {
        ProjectConditions conditions = ProjectConditions.within(scope)
                .when(filter.status() == null ? null : filter.status().name(), " AND p.status = :status", "status");
        String q = filter.query();
        if (!q.isEmpty()) {
            boolean indexed = q.length() >= INDEXED_QUERY_LENGTH && !commonWord;
            if (indexed) {
                // the query's pairs once per statement (an init plan): written as search_bigrams(:q) the function ran
                // again for every candidate row, ten times the cost of counting a common word (issue 8)
                conditions.and(" AND search_bigrams(p.name || ' ' || p.code) @> (SELECT search_bigrams(CAST(:q AS text)))",
                        "q", q);
            }
            // a two-character search (stripped, so no space in it) is one pair: holding it is being found by ILIKE in
            // name or code (pairs across the joining space hold a space), so the index answers alone and a count of
            // a common word needs no row read
            if (!indexed || q.length() != INDEXED_QUERY_LENGTH) {
                conditions.and(" AND (p.name ILIKE :like OR p.code ILIKE :like)", "like",
                        "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        conditions.when(filter.department(), " AND p.lead_organization_code = :department", "department")
                .authority(filter.authority())
                .when(filter.path() == null ? null : filter.path().name(), " AND p.approval_path_type = :path", "path")
                .approvedIn(filter.approvedYear());
        return jdbc.sql(select + conditions.where() + tail).params(conditions.params());
    }

    /** Loads projects with their funding lines in two queries, whatever the page size. */
    private List<Project> load(JdbcClient.StatementSpec statement) {
        List<Row> rows = statement.query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<FundingLine>> lines = new HashMap<>();
        jdbc.sql("SELECT project_id, source, amount FROM project_funding_source WHERE project_id = ANY (:ids) "
                        + "ORDER BY project_id, line_no")
                .param("ids", rows.stream().map(Row::id).toArray(UUID[]::new))
                .query((rs, n) -> {
                    lines.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new FundingLine(FundingSource.valueOf(rs.getString(2)), rs.getBigDecimal(3)));
                    return null;
                })
                .list();
        Map<UUID, Project> result = new LinkedHashMap<>();
        for (Row row : rows) {
            result.put(row.id(), row.toProject(lines.getOrDefault(row.id(), List.of())));
        }
        return List.copyOf(result.values());
    }

    private record Row(UUID id, String code, String name, String summary, Set<ProjectCategory> categories, String lead,
            List<String> participants, BigDecimal estimate, int period, boolean inPlan, EmergencyType emergency,
            boolean simple, boolean classified, boolean civil, boolean energy, boolean cloud, ProjectStatus status,
            ApprovalAuthority authority, ApprovalPathType pathType, List<Stage> stages, String legalBasis,
            ConstructionModeDecision mode, BigDecimal approvedEstimate, List<Stage> approvedStages,
            java.time.LocalDate approvedOn, Integer approvedPeriod, java.time.LocalDate startedOn,
            java.time.LocalDate initialAcceptedOn, java.time.LocalDate operationStartedOn,
            Project.Restrictions restrictions, String createdBy, java.time.Instant createdAt, long version) {

        Project toProject(List<FundingLine> funding) {
            ProjectFacts facts = new ProjectFacts(funding, inPlan, emergency, simple, classified, civil, energy, cloud);
            ApprovalPathPolicy policy = new ApprovalPathPolicy();
            ApprovalPath derived = policy.derive(facts);
            // Reasons are derived again from the facts; only a legal simplification is a stored decision.
            ApprovalPath path = pathType == ApprovalPathType.LEGAL_SIMPLIFICATION
                    ? policy.legalSimplification(derived, stages, legalBasis)
                    : derived;
            return new Project(id, code, name, summary, categories, lead, participants, estimate, period, facts,
                    createdBy, createdAt, status, authority, path, mode, approvedEstimate, Set.copyOf(approvedStages),
                    approvedOn, approvedPeriod, startedOn, initialAcceptedOn, operationStartedOn, restrictions, version);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String mode = rs.getString("construction_mode");
        String exception = rs.getString("construction_mode_exception");
        ConstructionModeDecision decision = mode == null ? null : new ConstructionModeDecision(ConstructionMode.valueOf(mode),
                exception == null ? null : SelfBuildException.valueOf(exception),
                rs.getString("construction_mode_justification"), rs.getString("construction_mode_decided_by"),
                rs.getObject("construction_mode_decided_on", java.time.LocalDate.class));
        String emergency = rs.getString("emergency");
        return new Row(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("summary"),
                strings(rs.getArray("categories")).stream().map(ProjectCategory::valueOf).collect(Collectors.toSet()),
                rs.getString("lead_organization_code"), strings(rs.getArray("participating_organization_codes")),
                rs.getBigDecimal("estimated_investment"), rs.getInt("construction_period_months"),
                rs.getBoolean("in_provincial_plan"), emergency == null ? null : EmergencyType.valueOf(emergency),
                rs.getBoolean("simple_or_equipment_only"), rs.getBoolean("classified"), rs.getBoolean("new_civil_works"),
                rs.getBoolean("high_energy_use"), rs.getBoolean("builds_new_cloud_platform"),
                ProjectStatus.valueOf(rs.getString("status")), ApprovalAuthority.valueOf(rs.getString("approval_authority")),
                ApprovalPathType.valueOf(rs.getString("approval_path_type")),
                strings(rs.getArray("approval_stages")).stream().map(Stage::valueOf).toList(), rs.getString("legal_basis"),
                decision, rs.getBigDecimal("approved_estimate"),
                strings(rs.getArray("approved_stages")).stream().map(Stage::valueOf).toList(),
                rs.getObject("approved_on", java.time.LocalDate.class),
                (Integer) rs.getObject("approved_construction_period_months"),
                rs.getObject("construction_started_on", java.time.LocalDate.class),
                rs.getObject("initial_accepted_on", java.time.LocalDate.class),
                rs.getObject("operation_started_on", java.time.LocalDate.class),
                new Project.Restrictions(rs.getBoolean("funds_suspended"), rs.getString("suspension_rule"),
                        rs.getObject("terminated_on", java.time.LocalDate.class)),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
