package cn.jl.govit.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.jl.govit.audit.AuditEvent;
import cn.jl.govit.audit.internal.ChainKeys;
import cn.jl.govit.rulebook.KeyFiles;

/**
 * The audit events of the generated history, appended to the existing chain exactly as the application's audit log
 * appends (sequence + 1, previous hash, HMAC-SM3 under the current chain key over {@link AuditEvent#canonical()}), in
 * the generator's transaction under the chain's advisory lock. Each project is a lazy stream of events (its milestones
 * and, between them, the work of its phase at random times); the streams are merged by time so that occurred_at rises
 * through the segment without holding the events in memory. A last event ({@value DataGenerator#MARKER_ACTION})
 * says what was loaded. The segment's times are historic (2022 on), so they lie before the head written at start-up.
 */
final class GenAudit {

    private static final String GENESIS = "0".repeat(64);
    private static final String CHECKPOINT = "AUDIT_CHAIN_KEYED";
    private static final int NON_PROJECT_PERCENT = 10;

    /** The chain keys, read the way the application reads them: the setting if given, else the key file. */
    record Keys(ChainKeys keys) {

        static Keys read(Path dataDir) throws IOException {
            String configured = System.getenv().getOrDefault("GOVIT_AUDIT_CHAIN_KEYS",
                    System.getProperty("govit.audit.chain-keys", ""));
            String text;
            if (!configured.isBlank()) {
                text = configured.replace(',', '\n').replace(':', ' ');
            }
            else {
                Path file = dataDir.resolve("keys").resolve("audit-chain-keys");
                if (!Files.exists(file)) {
                    throw new IllegalStateException("no audit chain key at " + file
                            + ": start the application once on this data folder (it creates the key), or set"
                            + " GOVIT_AUDIT_CHAIN_KEYS as the application has it");
                }
                text = Files.readString(file, StandardCharsets.US_ASCII);
            }
            Map<String, byte[]> ring = KeyFiles.parseRing(text, "audit chain key", HexFormat.of()::parseHex);
            return new Keys(new ChainKeys(ring));
        }
    }

    private final DataGenerator g;
    private final ChainKeys keys;

    GenAudit(DataGenerator g, Keys keys) {
        this.g = g;
        this.keys = keys.keys();
    }

    /** Appends the segment; answers its first and last sequence. */
    long[] write() throws SQLException {
        long sequence;
        String previous;
        String headKey;
        try (PreparedStatement lock = g.connection().prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, DataGenerator.CHAIN_LOCK);
            lock.executeQuery().close();
        }
        Instant headAt;
        try (Statement s = g.connection().createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT sequence, hash, key_id, occurred_at FROM audit_event ORDER BY sequence DESC LIMIT 1")) {
            if (rs.next()) {
                sequence = rs.getLong(1);
                previous = rs.getString(2);
                headKey = rs.getString(3);
                headAt = rs.getTimestamp(4).toInstant();
            }
            else {
                sequence = 0;
                previous = GENESIS;
                headKey = null;
                headAt = null;
            }
        }
        long first = sequence + 1;
        String keyId = keys.currentId();
        ChainKeys.Mac mac = keys.mac(keyId);
        List<Stream> streams = streams();
        long total = 0;
        for (Stream s : streams) {
            total += s.remaining + s.milestoneTimes.length;
        }
        try (GenCopy copy = GenCopy.open(g.connection(), "audit_event", """
                sequence, occurred_at, actor, organization_code, action, entity_type, entity_id, project_id, summary,
                previous_hash, hash, key_id""")) {
            Writer w = new Writer(copy, mac, keyId, sequence, previous);
            if (sequence > 0 && !keyId.equals(headKey)) {
                // as the application does before its first event under a new key: a checkpoint covering the head
                // (timed just after the head rather than now, so that the same database gives the same segment)
                w.append(headAt.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS), "system", null, CHECKPOINT, "AuditChain", keyId,
                        null, "chain keyed under " + keyId + " from event " + (sequence + 1) + "; covers events 1.."
                                + sequence + ", head " + previous
                                + (headKey == null ? " (plain SM3)" : " (key " + headKey + ")"));
            }
            PriorityQueue<Stream> queue = new PriorityQueue<>((a, b) -> a.next != b.next ? Long.compare(a.next, b.next)
                    : Integer.compare(a.id, b.id));
            for (Stream s : streams) {
                if (s.advance()) {
                    queue.add(s);
                }
            }
            long last = 0;
            while (!queue.isEmpty()) {
                Stream s = queue.poll();
                s.emit(w);
                last = s.next;
                if (s.advance()) {
                    queue.add(s);
                }
            }
            long marker = Math.max(last + 1, micros(g.asOf().atStartOfDay(GenProject.ZONE).toInstant()));
            w.append(instant(marker), "system", null, DataGenerator.MARKER_ACTION, "DataSet", g.size().name(), null,
                    "benchmark data set " + g.size().name() + " (seed " + g.seed() + ", as of " + g.asOf() + "): "
                            + g.projectCount() + " projects and " + total
                            + " events of their history bulk-loaded by DataGenerator; their times are historic");
            return new long[] {first, w.sequence};
        }
    }

    /** Writes events, chaining each to the one before. */
    private static final class Writer {
        private final GenCopy copy;
        private final ChainKeys.Mac mac;
        private final String keyId;
        private long sequence;
        private String previous;

        Writer(GenCopy copy, ChainKeys.Mac mac, String keyId, long sequence, String previous) {
            this.copy = copy;
            this.mac = mac;
            this.keyId = keyId;
            this.sequence = sequence;
            this.previous = previous;
        }

        void append(Instant at, String actor, String org, String action, String entityType, String entityId,
                UUID projectId, String summary) {
            sequence++;
            AuditEvent unsigned = new AuditEvent(sequence, at, actor, org, action, entityType, entityId, projectId,
                    summary, previous, null, keyId);
            String hash = mac.chain(previous, unsigned.canonical());
            copy.plain(sequence).plain(at).add(actor).plain(org).plain(action).plain(entityType).add(entityId)
                    .plain(projectId).add(summary).plain(previous).plain(hash).plain(keyId);
            copy.end();
            previous = hash;
        }
    }

    // ------------------------------------------------------------------------------------------------- streams

    private List<Stream> streams() {
        List<Stream> list = new ArrayList<>();
        long mean = g.size().eventsPerProject();
        for (int i = 0; i < g.projectCount(); i++) {
            list.add(projectStream(g.project(i), mean));
        }
        long others = (long) g.projectCount() * mean * NON_PROJECT_PERCENT / 100;
        long start = micros(LocalDate.of(GenProject.FIRST_YEAR, 1, 1).atStartOfDay(GenProject.ZONE).toInstant());
        list.add(new Stream(g.projectCount(), null, DataGenerator.random(g.seed(), "audit-others", 0), start, end(g.asOf()),
                others, new long[0], new String[0]));
        return list;
    }

    private Stream projectStream(GenProject p, long mean) {
        SplittableRandom r = DataGenerator.random(g.seed(), "audit", p.index());
        List<long[]> times = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        long created = micros(p.createdAt());
        milestone(times, actions, created, "PROJECT_PROPOSED");
        if (p.modeDecided()) {
            milestone(times, actions, created + 3_600_000_000L, "CONSTRUCTION_MODE_DECIDED");
        }
        milestone(times, actions, p.submittedOn(), r, "SUBMISSION_SUBMITTED");
        milestone(times, actions, p.approvedOn(), r, "DECISION_ISSUED");
        milestone(times, actions, p.rejectedOn(), r, "PROJECT_REJECTED");
        milestone(times, actions, p.startedOn(), r, "CONSTRUCTION_STARTED");
        milestone(times, actions, p.suspendedOn(), r, "CONSTRUCTION_SUSPENDED");
        milestone(times, actions, p.initialAcceptedOn(), r, "INITIAL_ACCEPTANCE_PASSED");
        milestone(times, actions, p.operationStartedOn(), r, "OPERATION_STARTED");
        milestone(times, actions, p.terminatedOn(), r, "PROJECT_TERMINATED");
        Integer[] order = new Integer[times.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(times.get(a)[0], times.get(b)[0]));
        long[] t = new long[order.length];
        String[] a = new String[order.length];
        for (int k = 0; k < order.length; k++) {
            t[k] = Math.max(times.get(order[k])[0], created);
            a[k] = actions.get(order[k]);
        }
        long count = Math.max(0, Math.round(mean * (1 - NON_PROJECT_PERCENT / 100.0) * (0.5 + r.nextDouble())) - t.length);
        LocalDate lastDay = g.lastActiveDay(p);
        long end = Math.max(created + 1, end(lastDay));
        return new Stream(p.index(), p, r, created, end, count, t, a);
    }

    private static void milestone(List<long[]> times, List<String> actions, long at, String action) {
        times.add(new long[] {at});
        actions.add(action);
    }

    private static void milestone(List<long[]> times, List<String> actions, LocalDate day, SplittableRandom r,
            String action) {
        if (day != null) {
            milestone(times, actions, micros(GenProject.at(day, r)), action);
        }
    }

    private static long end(LocalDate day) {
        return micros(day.atTime(LocalTime.of(18, 0)).atZone(GenProject.ZONE).toInstant());
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** One project's events (or, with no project, everyone's logins and reads), in time order, made as they are due. */
    private final class Stream {
        final int id;
        final GenProject p;
        final SplittableRandom r;
        final long end;
        final long[] milestoneTimes;
        final String[] milestoneActions;
        long remaining;
        long cursor;
        long nextRandom;
        int milestone;
        long next;
        boolean nextIsMilestone;
        // phase boundaries of the project, for what its random events are about
        final long approved;
        final long started;
        final long accepted;
        final long operating;

        Stream(int id, GenProject p, SplittableRandom r, long start, long end, long count, long[] milestoneTimes,
                String[] milestoneActions) {
            this.id = id;
            this.p = p;
            this.r = r;
            this.end = end;
            this.milestoneTimes = milestoneTimes;
            this.milestoneActions = milestoneActions;
            this.remaining = count;
            this.cursor = start;
            this.approved = p == null || p.approvedOn() == null ? Long.MAX_VALUE : end(p.approvedOn().minusDays(1));
            this.started = p == null || p.startedOn() == null ? Long.MAX_VALUE : end(p.startedOn().minusDays(1));
            this.accepted = p == null || p.initialAcceptedOn() == null ? Long.MAX_VALUE
                    : end(p.initialAcceptedOn().minusDays(1));
            this.operating = p == null || p.operationStartedOn() == null ? Long.MAX_VALUE
                    : end(p.operationStartedOn().minusDays(1));
            drawRandom();
        }

        /** The next of n sorted uniform times after the cursor: the minimum of n uniforms on what is left. */
        private void drawRandom() {
            if (remaining <= 0) {
                nextRandom = Long.MAX_VALUE;
                return;
            }
            double u = 1 - Math.pow(r.nextDouble(), 1.0 / remaining);
            nextRandom = cursor + (long) ((end - cursor) * u);
        }

        boolean advance() {
            long m = milestone < milestoneTimes.length ? milestoneTimes[milestone] : Long.MAX_VALUE;
            if (m == Long.MAX_VALUE && nextRandom == Long.MAX_VALUE) {
                return false;
            }
            nextIsMilestone = m <= nextRandom;
            next = nextIsMilestone ? m : nextRandom;
            return true;
        }

        void emit(Writer w) {
            Instant at = instant(next);
            if (nextIsMilestone) {
                String action = milestoneActions[milestone++];
                milestoneEvent(w, at, action);
            }
            else {
                cursor = nextRandom;
                remaining--;
                drawRandom();
                if (p == null) {
                    otherEvent(w, at);
                }
                else {
                    workEvent(w, at, next);
                }
            }
        }

        private void milestoneEvent(Writer w, Instant at, String action) {
            String approver = p.authority().organizationCode();
            switch (action) {
                case "DECISION_ISSUED" -> w.append(at, approver.toLowerCase(), approver, action, "Decision",
                        DataGenerator.uuid(g.seed(), "decision", p.index(), 0).toString(), p.id(),
                        p.code() + " " + p.name() + " 批复 APPROVED，核定投资 " + p.approvedEstimate() + " 元，建设周期 "
                                + p.periodMonths() + " 个月");
                case "PROJECT_REJECTED" -> w.append(at, approver.toLowerCase(), approver, action, "Project",
                        p.id().toString(), p.id(), p.code() + " 不予批复：建设内容与已建系统重复，需求论证不充分");
                case "PROJECT_PROPOSED" -> w.append(at, p.createdBy(), p.lead().code(), action, "Project",
                        p.id().toString(), p.id(), p.code() + " " + p.name() + " 估算投资 " + p.estimate() + " 元，"
                                + p.authority() + " " + p.path().type());
                default -> w.append(at, p.createdBy(), p.lead().code(), action, "Project", p.id().toString(), p.id(),
                        p.code() + " " + p.status() + " " + action.toLowerCase().replace('_', ' '));
            }
        }

        private void workEvent(Writer w, Instant at, long t) {
            String[] actions;
            if (t < approved) {
                actions = new String[] {"SUBMISSION_PREPARED", "SUBMISSION_CHAPTER_REVISED", "DOCUMENT_STORED",
                    "SUBMISSION_REVISED", "DOCUMENT_DOWNLOADED", "STAGE_SUBMITTED"};
            }
            else if (t < started) {
                actions = new String[] {"FUND_PLAN_ISSUED", "PROCUREMENT_RECORDED", "DOCUMENT_STORED",
                    "RESPONSIBILITIES_RECORDED", "DOCUMENT_DOWNLOADED"};
            }
            else if (t < accepted) {
                actions = new String[] {"PROGRESS_REPORTED", "DOCUMENT_STORED", "CONTRACT_RECORDED", "MILESTONE_REACHED",
                    "FUNDS_DISBURSED", "SPENDING_RECORDED", "DOCUMENT_DOWNLOADED", "OBLIGATION_REMINDED",
                    "PROCUREMENT_AWARDED", "PERFORMANCE_REPORT_SUBMITTED"};
            }
            else if (t < operating) {
                actions = new String[] {"TRIAL_RUN_RECORDED", "DOCUMENT_STORED", "ACCEPTANCE_OPINION_FILED",
                    "DOCUMENT_DOWNLOADED", "FINAL_ACCEPTANCE_APPLIED"};
            }
            else {
                actions = new String[] {"OM_RECORD_ADDED", "ASSESSMENT_RECORDED", "DOCUMENT_DOWNLOADED",
                    "OM_RECORD_ADDED", "SELF_EVALUATION_SUBMITTED", "DOCUMENT_DOWNLOADED"};
            }
            String action = actions[r.nextInt(actions.length)];
            UUID entity = new UUID(r.nextLong(), r.nextLong());
            String user = p.createdBy();
            String org = p.lead().code();
            switch (action) {
                case "DOCUMENT_STORED" -> {
                    String title = GenFiles.TITLES[r.nextInt(GenFiles.TITLES.length)];
                    w.append(at, user, org, action, "Document", entity.toString(), p.id(), p.code() + " " + p.code()
                            + "-" + title + ".pdf PROJECT_DOCUMENT application/pdf (declared application/pdf) "
                            + (20_000 + r.nextInt(2_000_000)) + " bytes SM3 " + hex(r));
                }
                case "DOCUMENT_DOWNLOADED" -> w.append(at, user, org, action, "Document", entity.toString(), p.id(),
                        "downloaded, SM3 " + hex(r));
                case "FUND_PLAN_ISSUED", "FUNDS_DISBURSED" -> w.append(at, "czt", "CZT", action,
                        action.startsWith("FUND_PLAN") ? "FundPlan" : "Disbursement", entity.toString(), p.id(),
                        p.code() + " " + (action.startsWith("FUND_PLAN") ? "资金计划下达 " : "资金拨付 ")
                                + (10_000 + r.nextInt(5_000_000)) + ".00 元");
                case "OBLIGATION_REMINDED" -> w.append(at, "system", null, action, "Obligation", entity.toString(),
                        p.id(), p.code() + " PERFORMANCE_REPORT " + at.atZone(GenProject.ZONE).getYear() + " 即将到期");
                default -> w.append(at, user, org, action, entityType(action), entity.toString(), p.id(),
                        p.code() + " " + p.name() + " " + action.toLowerCase().replace('_', ' '));
            }
        }

        private void otherEvent(Writer w, Instant at) {
            GenOrgs.Org o = g.orgs().department(r.nextInt(g.orgs().departmentCount()));
            int k = r.nextInt(100);
            if (k < 72) {
                w.append(at, o.user(), null, "LOGIN_SUCCEEDED", "Login", o.user(), null, r.nextInt(4) == 0
                        ? "HTTP Basic login" : "form login");
            }
            else if (k < 84) {
                w.append(at, o.user(), o.code(), "NOTIFICATION_READ", "Notification",
                        new UUID(r.nextLong(), r.nextLong()).toString(), null, "notification read");
            }
            else if (k < 94) {
                w.append(at, o.user(), o.code(), "EXPORTED", "Export", "projects", null,
                        "项目清单导出 Excel，" + (1 + r.nextInt(500)) + " 行");
            }
            else {
                w.append(at, "system", null, "OBLIGATION_SCAN", "ObligationScan",
                        at.atZone(GenProject.ZONE).toLocalDate().toString(), null,
                        "daily obligation scan: " + r.nextInt(40) + " marked overdue, " + r.nextInt(80) + " reminded");
            }
        }
    }

    private static String entityType(String action) {
        if (action.startsWith("SUBMISSION") || action.startsWith("STAGE")) {
            return "Submission";
        }
        if (action.startsWith("PROCUREMENT")) {
            return "Procurement";
        }
        if (action.startsWith("CONTRACT")) {
            return "Contract";
        }
        if (action.startsWith("MILESTONE") || action.startsWith("PROGRESS")) {
            return "Progress";
        }
        if (action.startsWith("SPENDING")) {
            return "Spending";
        }
        if (action.startsWith("PERFORMANCE")) {
            return "PerformanceReport";
        }
        if (action.startsWith("OM_") || action.startsWith("ASSESSMENT")) {
            return "Operation";
        }
        if (action.startsWith("SELF_EVALUATION")) {
            return "SelfEvaluation";
        }
        if (action.startsWith("TRIAL") || action.contains("ACCEPTANCE")) {
            return "Acceptance";
        }
        return "Project";
    }

    private static String hex(SplittableRandom r) {
        return String.format("%016x%016x%016x%016x", r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    }
}
