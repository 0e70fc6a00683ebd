package cn.jl.govit.benchmark;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.sql.DataSource;

import cn.jl.govit.obligation.ConstructionDeadlines;
import cn.jl.govit.obligation.ObligationType;
import cn.jl.govit.operation.AssessmentKind;
import cn.jl.govit.operation.AssessmentSchedule;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.PolicyParameters;

/**
 * Fills a GovIT database (migrated by Flyway, the application started on it once) with a realistic, deterministic
 * data set through {@code COPY ... FROM STDIN}: organisations and their users, projects with their funding lines,
 * baselines, documents (rows pointing at real files in the document store), obligations, fund plans, disbursements,
 * spending, contracts, supervision findings, and audit events that continue the existing HMAC-SM3 chain. Everything is
 * added in one transaction next to what is there (nothing is deleted); a database that already holds a generated data
 * set is refused. Not a test: the lead's benchmark harness and {@link #main} call it.
 * <p>
 * Determinism: every row is a function of the seed, the table and the project's index (a {@link SplittableRandom}
 * per table and project), and of {@code asOf} (today unless given), so the same seed on the same starting database
 * gives the same rows.
 */
public final class DataGenerator {

    /** The audit action of the event that closes a generated segment; its presence refuses a second run. */
    public static final String MARKER_ACTION = "BENCHMARK_DATA_LOADED";
    static final long CHAIN_LOCK = 0x6A6C_6175_6469_74L; // "jlaudit", as the application's audit log

    /**
     * A data-set size.
     *
     * @param provinces how many provinces' organisations (1: Jilin alone; 31: the whole country)
     * @param documentsMin fewest document rows per project
     * @param documentsMax most document rows per project
     * @param eventsPerProject audit events per project on average, a tenth of them not about a project (logins...)
     * @param libraryFiles distinct real files the document rows point at
     */
    public record Size(String name, int projects, int provinces, int documentsMin, int documentsMax,
            int eventsPerProject, int libraryFiles) {

        /** 300 projects over five years, 20–40 documents and about 100 audit events each. */
        public static final Size JILIN = new Size("jilin", 300, 1, 20, 40, 100, 60);
        /** 100,000 projects, 2 million documents, 10 million audit events, the country's organisations. */
        public static final Size NATIONAL = new Size("national", 100_000, GenNames.PROVINCES.size(), 10, 30, 100, 100);

        public static Size custom(int projects, int documentsMin, int documentsMax, int eventsPerProject) {
            return new Size("custom", projects, 1, documentsMin, documentsMax, eventsPerProject, 12);
        }

        static Size named(String name) {
            return switch (name) {
                case "jilin" -> JILIN;
                case "national" -> NATIONAL;
                default -> throw new IllegalArgumentException("--size is jilin or national, not " + name);
            };
        }
    }

    /** Rows written and seconds taken per table, in the order written. */
    public record Report(Size size, long seed, LocalDate asOf, Map<String, Long> rows, Map<String, Double> seconds,
            long firstAuditSequence, long lastAuditSequence, double totalSeconds) {

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "data set %s, seed %d, as of %s: %.1f s%n",
                    size.name(), seed, asOf, totalSeconds));
            rows.forEach((table, n) -> s.append(String.format(Locale.ROOT, "  %-28s %,12d rows %8.1f s%n", table, n,
                    seconds.getOrDefault(table, 0.0))));
            s.append(String.format(Locale.ROOT, "  audit events %d..%d%n", firstAuditSequence, lastAuditSequence));
            return s.toString();
        }
    }

    /** Thrown when the database already holds a generated data set. */
    public static final class AlreadyGeneratedException extends IllegalStateException {
        AlreadyGeneratedException(String message) {
            super(message);
        }
    }

    private final Connection c;
    private final Path dataDir;
    private final Size size;
    private final long seed;
    private final LocalDate asOf;
    private final PolicyParameters policy = PolicyParameters.defaults();
    private final Map<String, Long> rows = new LinkedHashMap<>();
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private GenOrgs orgs;
    private final Map<Integer, Long> firstNumber = new HashMap<>();
    private List<GenFiles.LibraryFile> library;

    private DataGenerator(Connection c, Path dataDir, Size size, long seed, LocalDate asOf) {
        this.c = c;
        this.dataDir = dataDir;
        this.size = size;
        this.seed = seed;
        this.asOf = asOf;
    }

    public static Report generate(DataSource dataSource, Path dataDir, Size size, long seed) throws Exception {
        return generate(dataSource, dataDir, size, seed, LocalDate.now(GenProject.ZONE));
    }

    /** As {@link #generate(DataSource, Path, Size, long)}, with the day the data set ends ("today" for it). */
    public static Report generate(DataSource dataSource, Path dataDir, Size size, long seed, LocalDate asOf)
            throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return generate(connection, dataDir, size, seed, asOf);
        }
    }

    public static Report generate(String jdbcUrl, String user, String password, Path dataDir, Size size, long seed)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            return generate(connection, dataDir, size, seed, LocalDate.now(GenProject.ZONE));
        }
    }

    static Report generate(Connection connection, Path dataDir, Size size, long seed, LocalDate asOf) throws Exception {
        long started = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        DataGenerator g = new DataGenerator(connection, dataDir, size, seed, asOf);
        long[] audit;
        try {
            audit = g.run();
            connection.commit();
        }
        catch (Exception | Error e) {
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
        long analyze = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            // what autovacuum would reach in time (on a 5 GB audit table, with its cost limits, hours later): the
            // statistics, and the visibility map without which no count can be answered from an index alone
            s.execute("VACUUM (ANALYZE)");
        }
        g.done("(vacuum, analyze)", 0, analyze);
        return new Report(size, seed, asOf, g.rows, g.seconds, audit[0], audit[1], (System.nanoTime() - started) / 1e9);
    }

    private long[] run() throws Exception {
        refuseSecondRun();
        GenAudit.Keys keys = GenAudit.Keys.read(dataDir);
        orgs = GenOrgs.build(c, size.provinces());
        organizations();
        codeNumbers();
        projects();
        fundingSources();
        changeRequests();
        baselines();
        library = GenFiles.write(dataDir.resolve("benchmark-files"), size.libraryFiles(), seed);
        documents();
        obligations();
        fundPlansAndDisbursements();
        spending();
        contracts();
        findings();
        long t = System.nanoTime();
        long[] sequences = new GenAudit(this, keys).write();
        done("audit_event", sequences[1] - sequences[0] + 1, t);
        return sequences;
    }

    private void refuseSecondRun() throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT summary FROM audit_event WHERE action = '" + MARKER_ACTION
                    + "' LIMIT 1")) {
                if (rs.next()) {
                    throw new AlreadyGeneratedException("this database already holds a generated data set ("
                            + rs.getString(1) + "); generate into a fresh database");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM organization WHERE code = 'G220001'")) {
                if (rs.next()) {
                    throw new AlreadyGeneratedException(
                            "this database already holds the generated organisations (G220001 ...); generate into a fresh database");
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- tables

    private void organizations() throws SQLException {
        long t = System.nanoTime();
        String hash = null;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT password_hash FROM app_user WHERE username = 'rst'")) {
            if (rs.next()) {
                hash = rs.getString(1);
            }
        }
        List<GenOrgs.Org> generated = orgs.all().stream().filter(GenOrgs.Org::generated).toList();
        try (GenCopy copy = GenCopy.open(c, "organization", "code, name_zh, name_en, kind, duty_area, active")) {
            for (GenOrgs.Org o : generated) {
                copy.plain(o.code()).add(o.nameZh()).add(o.nameEn()).plain("DEPARTMENT").plain(null).bool(true);
                copy.end();
            }
        }
        done("organization", generated.size(), t);
        t = System.nanoTime();
        // the demo's password (Demo@2026) when there is a demo user to copy it from, so the harness can sign in as them
        String password = hash != null ? hash : "{disabled}";
        try (GenCopy copy = GenCopy.open(c, "app_user",
                "username, display_name, password_hash, organization_code, roles, enabled, password_changed_at")) {
            for (GenOrgs.Org o : generated) {
                copy.plain(o.user()).add(o.nameZh() + "项目专员").add(password).plain(o.code()).plain("{DEPARTMENT_STAFF}")
                        .bool(hash != null).plain(asOf.atStartOfDay(GenProject.ZONE).toInstant());
                copy.end();
            }
        }
        done("app_user", generated.size(), t);
    }

    /** Codes continue each year's counter, and the counter is moved past them so the application's next code is free. */
    private void codeNumbers() throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT last_value FROM project_code_sequence WHERE year = ?");
                PreparedStatement write = c.prepareStatement("""
                        INSERT INTO project_code_sequence (year, last_value) VALUES (?, ?)
                        ON CONFLICT (year) DO UPDATE SET last_value = greatest(project_code_sequence.last_value,
                                                                               excluded.last_value)""")) {
            for (int year = GenProject.FIRST_YEAR; year < GenProject.FIRST_YEAR + GenProject.YEARS; year++) {
                read.setInt(1, year);
                long last = 0;
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        last = rs.getLong(1);
                    }
                }
                firstNumber.put(year, last + 1);
                int count = GenProject.firstIndexOf(year + 1, size.projects()) - GenProject.firstIndexOf(year, size.projects());
                write.setInt(1, year);
                write.setLong(2, last + count);
                write.executeUpdate();
            }
        }
    }

    GenProject project(int index) {
        int year = GenProject.yearOf(index, size.projects());
        return GenProject.of(seed, index, size.projects(), orgs, asOf, firstNumber.get(year));
    }

    int projectCount() {
        return size.projects();
    }

    Size size() {
        return size;
    }

    long seed() {
        return seed;
    }

    LocalDate asOf() {
        return asOf;
    }

    GenOrgs orgs() {
        return orgs;
    }

    Connection connection() {
        return c;
    }

    private void projects() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "project", """
                id, code, name, summary, categories, lead_organization_code, participating_organization_codes,
                estimated_investment, construction_period_months, in_provincial_plan, emergency, simple_or_equipment_only,
                classified, new_civil_works, high_energy_use, builds_new_cloud_platform, status, approval_authority,
                approval_path_type, approval_stages, legal_basis, construction_mode, construction_mode_exception,
                construction_mode_justification, construction_mode_decided_by, construction_mode_decided_on,
                approved_estimate, approved_stages, approved_on, approved_construction_period_months,
                construction_started_on, initial_accepted_on, operation_started_on, funds_suspended, suspension_rule,
                terminated_on, created_by, created_at, version""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "project-row", i);
                String participants = "{}";
                if (r.nextInt(10) == 0) {
                    String other = orgs.department(r.nextInt(orgs.departmentCount())).code();
                    if (!other.equals(p.lead().code())) {
                        participants = "{" + other + "}";
                    }
                }
                copy.id(p.id()).plain(p.code()).add(p.name()).add(p.summary())
                        .plain(array(p.categories().stream().map(Enum::name).toList()))
                        .plain(p.lead().code()).plain(participants).plain(p.estimate()).plain(p.periodMonths())
                        .bool(p.facts().inProvincialPlan())
                        .plain(p.facts().emergency() == null ? null : p.facts().emergency().name())
                        .bool(p.facts().simpleOrEquipmentOnly()).bool(p.facts().classified())
                        .bool(p.facts().newCivilWorks()).bool(p.facts().highEnergyUse())
                        .bool(p.facts().buildsNewCloudPlatform()).plain(p.status().name()).plain(p.authority().name())
                        .plain(p.path().type().name())
                        .plain(array(p.path().stages().stream().map(Enum::name).toList())).plain(null);
                if (p.modeDecided()) {
                    copy.plain(p.selfBuilt() ? "SELF_BUILT" : "UNIFIED").plain(p.selfBuilt() ? "CLASSIFIED" : null)
                            .add(p.selfBuilt() ? "涉密项目，按保密规定由建设单位自建" : null).plain(p.createdBy())
                            .plain(p.createdOn());
                }
                else {
                    copy.plain(null).plain(null).plain(null).plain(null).plain(null);
                }
                boolean approved = p.approvedOn() != null;
                copy.plain(p.approvedEstimate())
                        .plain(approved ? array(p.path().stages().stream().sorted().map(Stage::name).toList()) : "{}")
                        .plain(p.approvedOn()).plain(approved ? p.periodMonths() : null).plain(p.startedOn())
                        .plain(p.initialAcceptedOn()).plain(p.operationStartedOn()).bool(false)
                        .plain(p.status() == ProjectStatus.SUSPENDED ? "ART-22" : null).plain(p.terminatedOn())
                        .plain(p.createdBy()).plain(p.createdAt()).plain(0);
                copy.end();
            }
        }
        done("project", size.projects(), t);
    }

    private void fundingSources() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "project_funding_source", "project_id, line_no, source, amount")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                List<FundingLine> lines = p.facts().fundingSources();
                for (int n = 0; n < lines.size(); n++) {
                    copy.id(p.id()).plain(n).plain(lines.get(n).source().name()).plain(lines.get(n).amount());
                    copy.end();
                }
            }
            done("project_funding_source", copy.rows(), t);
        }
    }

    /** Every approved project has the baseline its approval leaves (change module), as the application writes it. */
    private void baselines() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "change_baseline", """
                project_id, number, kind, approved_estimate, construction_period_months, adjustments_in_force,
                change_request_id, description, established_on, created_at""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                if (p.approvedOn() == null) {
                    continue;
                }
                SplittableRandom r = random(seed, "baseline", i);
                copy.id(p.id()).plain(1).plain("APPROVAL").plain(p.approvedEstimate()).plain(p.periodMonths())
                        .plain("0.00").plain(null).plain(null).plain(p.approvedOn()).plain(GenProject.at(p.approvedOn(), r));
                copy.end();
                for (GenChange change : GenChange.of(this, p, policy)) {
                    copy.id(p.id()).plain(change.number() + 1).plain("FILING").plain(change.approvedEstimate())
                            .plain(p.periodMonths()).plain(change.previous().add(change.adjustment())).id(change.id())
                            .add(change.description()).plain(change.requestedOn())
                            .plain(GenProject.at(change.requestedOn(), r));
                    copy.end();
                }
            }
            done("change_baseline", copy.rows(), t);
        }
    }

    /** Filed changes within the threshold (Art. 23 (1)), acknowledged by the authority within days. */
    private void changeRequests() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "change_request", """
                id, project_id, number, approved_estimate, adjustment_amount, new_total_investment, goals_unchanged,
                reason, previous_adjustments, uses_digital_jilin_fund, fund_plan_issued_on, threshold_share,
                threshold_basis, description, route, status, requested_by, requested_at, requested_on, acknowledged_by,
                acknowledged_at, version""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "change-row", i);
                String authority = p.authority().organizationCode().toLowerCase(Locale.ROOT);
                for (GenChange change : GenChange.of(this, p, policy)) {
                    copy.id(change.id()).id(p.id()).plain(change.number()).plain(change.approvedEstimate())
                            .plain(change.adjustment()).plain(change.approvedEstimate()).bool(true)
                            .plain(change.reason().name()).plain(change.previous()).bool(change.usesDigitalJilinFund())
                            .plain(change.fundPlanIssuedOn()).plain(policy.changeFilingThreshold())
                            .plain(policy.changeThresholdBasis().name()).add(change.description()).plain("FILING")
                            .plain("FILED").plain(p.createdBy()).plain(GenProject.at(change.requestedOn(), r))
                            .plain(change.requestedOn()).plain(change.acknowledgedOn() == null ? null : authority)
                            .plain(change.acknowledgedOn() == null ? null : GenProject.at(change.acknowledgedOn(), r))
                            .plain(0);
                    copy.end();
                }
            }
            done("change_request", copy.rows(), t);
        }
    }

    /** The number of document rows of a project. */
    int documentCount(int index) {
        return size.documentsMin()
                + random(seed, "document-count", index).nextInt(size.documentsMax() - size.documentsMin() + 1);
    }

    private void documents() throws SQLException, IOException {
        long t = System.nanoTime();
        Path store = dataDir.resolve("documents");
        Files.createDirectories(store);
        boolean[] linksWork = {true};
        try (GenCopy copy = GenCopy.open(c, "document", """
                id, project_id, code, title, filename, content_type, size, sm3, storage_name, offline_reference,
                uploaded_by, uploaded_at, kind""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "document", i);
                int n = documentCount(i);
                LocalDate end = lastActiveDay(p);
                long days = Math.max(0, ChronoUnit.DAYS.between(p.createdOn(), end));
                for (int d = 0; d < n; d++) {
                    UUID id = uuid(seed, "document", i, d);
                    LocalDate day = p.createdOn().plusDays(days * d / n);
                    Instant at = GenProject.at(day, r);
                    copy.id(id).id(p.id());
                    if (p.facts().classified()) {
                        String title = GenFiles.TITLES[r.nextInt(GenFiles.TITLES.length)];
                        copy.plain(null).add(title).plain(null).plain(null).plain(null).plain(null).plain(null)
                                .add("涉密载体 JM-" + day.getYear() + "-" + String.format("%05d", i % 100000) + "-" + d)
                                .plain(p.createdBy()).plain(at).plain(null);
                    }
                    else {
                        GenFiles.LibraryFile f = library.get(r.nextInt(library.size()));
                        String storage = id + ".bin";
                        link(store.resolve(storage), f.path(), linksWork);
                        copy.plain(d < 3 ? "A" + (d + 1) : null).plain(null).add(p.code() + "-" + f.filename())
                                .plain(f.contentType()).plain(f.size()).plain(f.sm3()).plain(storage).plain(null)
                                .plain(p.createdBy()).plain(at).plain(f.kind());
                    }
                    copy.end();
                }
            }
            done("document", copy.rows(), t);
        }
    }

    /** Each row's own file name, a hard link to the library file (a copy where links are refused or exhausted). */
    private static void link(Path target, Path source, boolean[] linksWork) throws IOException {
        if (linksWork[0]) {
            try {
                Files.createLink(target, source);
                return;
            }
            catch (FileAlreadyExistsException e) {
                return; // a run that failed after writing its files: same name, same content
            }
            catch (FileSystemException | UnsupportedOperationException e) {
                linksWork[0] = false;
            }
        }
        if (!Files.exists(target)) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** The last day something happens on the project: its rejection or termination, else today. */
    LocalDate lastActiveDay(GenProject p) {
        if (p.rejectedOn() != null) {
            return p.rejectedOn();
        }
        if (p.terminatedOn() != null) {
            return p.terminatedOn();
        }
        return asOf;
    }

    // ----------------------------------------------------------------------------------------------- obligations

    /** One obligation row. */
    private record Ob(ObligationType type, String subject, LocalDate due, LocalDate windowStart, String rule,
            String status, LocalDate metOn, String note, LocalDate openedOn) {
    }

    private void obligations() throws SQLException {
        long t = System.nanoTime();
        ConstructionDeadlines deadlines = new ConstructionDeadlines(policy.performanceReportMinConstructionMonths(),
                policy.performanceReportDueDay());
        AssessmentSchedule schedule = new AssessmentSchedule(policy.securityAssessmentPeriodMonths(),
                policy.cryptoAssessmentPeriodMonths());
        try (GenCopy copy = GenCopy.open(c, "obligation", """
                id, project_id, type, subject, due_date, window_start, rule, status, responsible_organization_code,
                met_on, note, created_at, updated_at, version""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "obligation", i);
                List<Ob> list = obligationsOf(p, r, deadlines, schedule);
                GenFinding f = GenFinding.of(this, p);
                if (f != null) {
                    list.add(new Ob(ObligationType.RECTIFICATION, f.subject(), f.due(), null, "ART-31",
                            f.closedOn() != null ? "MET" : f.due().isBefore(asOf) ? "OVERDUE" : "OPEN", f.closedOn(),
                            null, f.raisedOn()));
                }
                int n = 0;
                for (Ob o : list) {
                    Instant created = GenProject.at(o.openedOn(), r);
                    Instant updated = o.metOn() != null && !o.metOn().isBefore(o.openedOn()) ? GenProject.at(o.metOn(), r)
                            : "OVERDUE".equals(o.status()) ? GenProject.at(o.due().plusDays(1), r) : created;
                    if (updated.isBefore(created)) {
                        updated = created;
                    }
                    copy.id(uuid(seed, "obligation", i, n++)).id(p.id()).plain(o.type().name()).add(o.subject())
                            .plain(o.due()).plain(o.windowStart()).plain(o.rule()).plain(o.status())
                            .plain(p.lead().code()).plain(o.metOn()).add(o.note()).plain(created).plain(updated)
                            .plain(0);
                    copy.end();
                }
            }
            done("obligation", copy.rows(), t);
        }
    }

    private List<Ob> obligationsOf(GenProject p, SplittableRandom r, ConstructionDeadlines deadlines,
            AssessmentSchedule schedule) {
        List<Ob> list = new ArrayList<>();
        if (p.startedOn() == null) {
            return list;
        }
        boolean terminated = p.terminatedOn() != null;
        for (ConstructionDeadlines.Deadline d : deadlines.derive(p.startedOn(), p.periodMonths(), p.plannedCompletion())) {
            if (d.type() == ObligationType.INITIAL_ACCEPTANCE && p.initialAcceptedOn() != null) {
                list.add(new Ob(d.type(), d.subject(), d.dueDate(), null, d.rule(), "MET", p.initialAcceptedOn(), null,
                        p.startedOn()));
                continue;
            }
            LocalDate endOfWork = p.initialAcceptedOn() != null ? p.initialAcceptedOn() : asOf;
            if (d.type() == ObligationType.PERFORMANCE_REPORT && d.dueDate().isAfter(endOfWork)
                    && p.initialAcceptedOn() != null) {
                continue; // construction ended before that year's report fell due
            }
            list.add(pending(d.type(), d.subject(), d.dueDate(), null, d.rule(), p.startedOn(), terminated ? p.terminatedOn() : null, r));
        }
        if (p.initialAcceptedOn() != null) {
            LocalDate due = p.initialAcceptedOn().plusMonths(policy.finalAcceptanceWindowMonths());
            if (p.operationStartedOn() != null) {
                list.add(new Ob(ObligationType.FINAL_ACCEPTANCE_APPLICATION, "FINAL", due, null, "ART-26", "MET",
                        p.operationStartedOn(), null, p.initialAcceptedOn()));
            }
            else {
                list.add(pending(ObligationType.FINAL_ACCEPTANCE_APPLICATION, "FINAL", due, null, "ART-26",
                        p.initialAcceptedOn(), terminated ? p.terminatedOn() : null, r));
            }
        }
        LocalDate op = p.operationStartedOn();
        if (op != null) {
            list.add(pending(ObligationType.SELF_EVALUATION, "SELF",
                    op.plusMonths(policy.selfEvaluationWindowEndMonths()),
                    op.plusMonths(policy.selfEvaluationWindowStartMonths()), "ART-28", op, null, r));
            for (AssessmentKind kind : AssessmentKind.values()) {
                AssessmentSchedule.Due due = schedule.first(kind, op);
                // assessments done on time until today, unless the unit lets one lapse
                while (due.dueDate().isBefore(asOf) && r.nextInt(100) >= 12) {
                    LocalDate done = due.dueDate().minusDays(r.nextInt(40));
                    if (done.isBefore(op)) {
                        done = op;
                    }
                    list.add(new Ob(kind.obligationType(), due.subject(), due.dueDate(), null, kind.rule(), "MET", done,
                            null, op));
                    due = schedule.after(kind, due.sequence(), done);
                }
                list.add(new Ob(kind.obligationType(), due.subject(), due.dueDate(), null, kind.rule(),
                        due.dueDate().isBefore(asOf) ? "OVERDUE" : "OPEN", null, null, op));
            }
        }
        return list;
    }

    /** An obligation that was due by now: met (mostly on time, some late) or overdue; due later: open. */
    private Ob pending(ObligationType type, String subject, LocalDate due, LocalDate windowStart, String rule,
            LocalDate openedOn, LocalDate waivedOn, SplittableRandom r) {
        if (waivedOn != null && !due.isBefore(waivedOn)) {
            return new Ob(type, subject, due, windowStart, rule, "WAIVED", null, "项目已终止，义务不再履行", openedOn);
        }
        if (!due.isBefore(asOf)) {
            return new Ob(type, subject, due, windowStart, rule, "OPEN", null, null, openedOn);
        }
        int p = r.nextInt(100);
        if (p < 22) {
            return new Ob(type, subject, due, windowStart, rule, "OVERDUE", null, null, openedOn);
        }
        LocalDate met = p < 85 ? due.minusDays(r.nextInt(45)) : due.plusDays(1 + r.nextInt(60));
        if (met.isBefore(openedOn)) {
            met = openedOn;
        }
        if (met.isAfter(asOf)) {
            met = asOf;
        }
        return new Ob(type, subject, due, windowStart, rule, "MET", met, null, openedOn);
    }

    // -------------------------------------------------------------------------------------------------- funding

    /** The fund plans of a started project: one per funding line, its share of the approved estimate. */
    record Plan(UUID id, String source, BigDecimal amount, LocalDate issuedOn) {
    }

    List<Plan> plansOf(GenProject p) {
        List<Plan> plans = new ArrayList<>();
        if (p.startedOn() == null) {
            return plans;
        }
        SplittableRandom r = random(seed, "fund-plan", p.index());
        List<FundingLine> lines = p.facts().fundingSources();
        for (int n = 0; n < lines.size(); n++) {
            BigDecimal amount = p.approvedEstimate().multiply(lines.get(n).amount())
                    .divide(p.estimate(), 2, RoundingMode.DOWN);
            if (amount.signum() <= 0) {
                continue;
            }
            LocalDate issued = clamp(p.approvedOn().plusDays(5 + r.nextInt(60)), p.approvedOn(), asOf);
            plans.add(new Plan(uuid(seed, "fund-plan", p.index(), n), lines.get(n).source().name(), amount, issued));
        }
        return plans;
    }

    private void fundPlansAndDisbursements() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "fund_plan", "id, project_id, source, amount, issued_on, issued_by, created_at")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "fund-plan-row", i);
                for (Plan plan : plansOf(p)) {
                    copy.id(plan.id()).id(p.id()).plain(plan.source()).plain(plan.amount()).plain(plan.issuedOn())
                            .plain("czt").plain(GenProject.at(plan.issuedOn(), r));
                    copy.end();
                }
            }
            done("fund_plan", copy.rows(), t);
        }
        t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "disbursement",
                "id, project_id, fund_plan_id, amount, disbursed_on, recorded_by, created_at")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "disbursement", i);
                int n = 0;
                for (Plan plan : plansOf(p)) {
                    for (Disbursed d : disbursed(p, plan, r)) {
                        copy.id(uuid(seed, "disbursement", i, n++)).id(p.id()).id(plan.id()).plain(d.amount())
                                .plain(d.on()).plain("czt").plain(GenProject.at(d.on(), r));
                        copy.end();
                    }
                }
            }
            done("disbursement", copy.rows(), t);
        }
    }

    record Disbursed(BigDecimal amount, LocalDate on) {
    }

    /** One to three payments against a plan, more of it paid the further the project is. */
    List<Disbursed> disbursed(GenProject p, Plan plan, SplittableRandom r) {
        double share = switch (p.status()) {
            case IN_OPERATION -> 0.9 + 0.1 * r.nextDouble();
            case IN_ACCEPTANCE -> 0.7 + 0.25 * r.nextDouble();
            default -> 0.2 + 0.5 * r.nextDouble();
        };
        int count = 1 + r.nextInt(3);
        long total = plan.amount().movePointRight(2).multiply(BigDecimal.valueOf(share)).longValue();
        List<Disbursed> list = new ArrayList<>();
        long days = Math.max(0, ChronoUnit.DAYS.between(plan.issuedOn(), lastActiveDay(p)));
        for (int k = 0; k < count; k++) {
            long cents = total / count;
            if (cents <= 0) {
                break;
            }
            list.add(new Disbursed(BigDecimal.valueOf(cents, 2), plan.issuedOn().plusDays(days * (k + 1) / (count + 1))));
        }
        return list;
    }

    private void spending() throws SQLException {
        long t = System.nanoTime();
        String[] purposes = {"软件开发费", "硬件设备购置费", "系统集成费", "工程监理费", "安全测评费", "密码应用安全性评估费",
            "云资源租用费", "数据治理服务费"};
        try (GenCopy copy = GenCopy.open(c, "spending", """
                id, project_id, amount, spent_on, purpose, contract_reference, voucher_document_id, recorded_by,
                created_at""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                SplittableRandom r = random(seed, "spending", i);
                SplittableRandom dr = random(seed, "disbursement", i);
                long paid = 0;
                LocalDate firstPaid = null;
                for (Plan plan : plansOf(p)) {
                    for (Disbursed d : disbursed(p, plan, dr)) {
                        paid += d.amount().movePointRight(2).longValue();
                        firstPaid = firstPaid == null || d.on().isBefore(firstPaid) ? d.on() : firstPaid;
                    }
                }
                if (paid == 0) {
                    continue;
                }
                int count = 1 + r.nextInt(4);
                long spent = (long) (paid * (0.6 + 0.35 * r.nextDouble()));
                long days = Math.max(0, ChronoUnit.DAYS.between(firstPaid, lastActiveDay(p)));
                for (int k = 0; k < count; k++) {
                    long cents = spent / count;
                    if (cents <= 0) {
                        break;
                    }
                    LocalDate on = firstPaid.plusDays(days * (k + 1) / (count + 1));
                    copy.id(uuid(seed, "spending", i, k)).id(p.id()).plain(BigDecimal.valueOf(cents, 2)).plain(on)
                            .add(purposes[r.nextInt(purposes.length)]).plain(null).plain(null).plain(p.createdBy())
                            .plain(GenProject.at(on, r));
                    copy.end();
                }
            }
            done("spending", copy.rows(), t);
        }
    }

    private void contracts() throws SQLException {
        long t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "construction_contract", """
                id, project_id, contractor, subject, kind, amount, signed_on, procurement_id, recorded_by, recorded_at,
                version""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                if (p.startedOn() == null) {
                    continue;
                }
                SplittableRandom r = random(seed, "contract", i);
                long approved = p.approvedEstimate().movePointRight(2).longValue();
                String[] kinds = {"CONSTRUCTION", "SUPERVISION", "CONSULTING"};
                double[] shares = {0.6 + 0.3 * r.nextDouble(), 0.015 + 0.01 * r.nextDouble(), 0.01 + 0.02 * r.nextDouble()};
                String[] subjects = {p.name() + "建设", p.name() + "工程监理", p.name() + "咨询服务"};
                int count = 1 + r.nextInt(3);
                for (int k = 0; k < count; k++) {
                    LocalDate signed = clamp(p.startedOn().plusDays(r.nextInt(90) - 20), p.approvedOn(), asOf);
                    copy.id(uuid(seed, "contract", i, k)).id(p.id())
                            .add(GenNames.CONTRACTORS.get(r.nextInt(GenNames.CONTRACTORS.size())))
                            .add(subjects[k].length() > 200 ? subjects[k].substring(0, 200) : subjects[k])
                            .plain(kinds[k]).plain(BigDecimal.valueOf(Math.max(100, (long) (approved * shares[k])), 2))
                            .plain(signed).plain(null).plain(p.createdBy()).plain(GenProject.at(signed, r)).plain(0);
                    copy.end();
                }
            }
            done("construction_contract", copy.rows(), t);
        }
    }

    private void findings() throws SQLException {
        long t = System.nanoTime();
        List<GenFinding> closed = new ArrayList<>();
        try (GenCopy copy = GenCopy.open(c, "supervision_finding", """
                id, project_id, lead_org_code, body_org_code, area, facts, evidence, raised_on, rectification_due,
                obligation_subject, status, rounds, closed_on, raised_by, raised_at, version, source""")) {
            for (int i = 0; i < size.projects(); i++) {
                GenProject p = project(i);
                GenFinding f = GenFinding.of(this, p);
                if (f == null) {
                    continue;
                }
                copy.id(f.id()).id(p.id()).plain(p.lead().code()).plain(f.body()).plain(f.area()).add(f.facts())
                        .plain("{}").plain(f.raisedOn()).plain(f.due()).plain(f.subject())
                        .plain(f.closedOn() != null ? "CLOSED" : "OPEN").plain(f.closedOn() != null ? 1 : 0)
                        .plain(f.closedOn()).plain(f.raisedBy()).plain(GenProject.at(f.raisedOn(), f.random()))
                        .plain(0).plain("DIRECT");
                copy.end();
                if (f.closedOn() != null) {
                    closed.add(f);
                }
            }
            done("supervision_finding", copy.rows(), t);
        }
        t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "supervision_rectification",
                "finding_id, round, rectified_on, summary, evidence, reported_by, reported_at")) {
            for (GenFinding f : closed) {
                copy.id(f.id()).plain(1).plain(f.rectifiedOn()).add("已按要求完成整改，整改材料已报送。").plain("{}")
                        .plain(f.reportedBy()).plain(GenProject.at(f.rectifiedOn(), f.random()));
                copy.end();
            }
            done("supervision_rectification", copy.rows(), t);
        }
        t = System.nanoTime();
        try (GenCopy copy = GenCopy.open(c, "supervision_review",
                "finding_id, round, decision, opinion, reviewed_by, reviewed_on, reviewed_at")) {
            for (GenFinding f : closed) {
                copy.id(f.id()).plain(1).plain("ACCEPTED").add("整改到位，同意销号。").plain(f.raisedBy())
                        .plain(f.closedOn()).plain(GenProject.at(f.closedOn(), f.random()));
                copy.end();
            }
            done("supervision_review", copy.rows(), t);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void done(String table, long count, long startedNanos) {
        rows.merge(table, count, Long::sum);
        seconds.merge(table, (System.nanoTime() - startedNanos) / 1e9, Double::sum);
        System.out.printf(Locale.ROOT, "%-28s %,12d rows %8.1f s%n", table, count, (System.nanoTime() - startedNanos) / 1e9);
    }

    static LocalDate clamp(LocalDate day, LocalDate min, LocalDate max) {
        return day.isBefore(min) ? min : day.isAfter(max) ? max : day;
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    static long mix(long seed, String table, long index, long n) {
        long h = seed * 0x9E3779B97F4A7C15L + table.hashCode();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + index;
        h = (h ^ (h >>> 29)) * 0x94D049BB133111EBL + n;
        return h ^ (h >>> 32);
    }

    /** The random of one table's rows of one project. */
    static SplittableRandom random(long seed, String table, long index) {
        return new SplittableRandom(mix(seed, table, index, 0x5EED));
    }

    /** A version-4-shaped UUID, the same for the same seed, table, project and row. */
    static UUID uuid(long seed, String table, long index, long n) {
        SplittableRandom r = new SplittableRandom(mix(seed, table, index, n));
        long high = (r.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /**
     * {@code --size=jilin|national --jdbc-url=jdbc:postgresql://localhost:PORT/postgres --user=postgres --password=
     * --data-dir=DIR [--seed=N] [--as-of=YYYY-MM-DD]}
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        for (String required : List.of("size", "jdbc-url", "data-dir")) {
            if (!options.containsKey(required)) {
                System.err.println("usage: DataGenerator --size=jilin|national --jdbc-url=jdbc:postgresql://localhost:PORT/postgres"
                        + " --user=postgres --password= --data-dir=DIR [--seed=N] [--as-of=YYYY-MM-DD]");
                System.exit(2);
            }
        }
        Size size = Size.named(options.get("size"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261127"));
        LocalDate asOf = options.containsKey("as-of") ? LocalDate.parse(options.get("as-of")) : LocalDate.now(GenProject.ZONE);
        try (Connection connection = DriverManager.getConnection(options.get("jdbc-url"),
                options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""))) {
            Report report = generate(connection, Path.of(options.get("data-dir")), size, seed, asOf);
            System.out.print(report);
        }
        catch (AlreadyGeneratedException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }
}
