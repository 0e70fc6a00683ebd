package cn.jl.govit.benchmark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.jl.govit.project.ApprovalAuthority;
import cn.jl.govit.project.ApprovalAuthorityPolicy;
import cn.jl.govit.project.ApprovalPath;
import cn.jl.govit.project.ApprovalPathPolicy;
import cn.jl.govit.project.EmergencyType;
import cn.jl.govit.project.FundingLine;
import cn.jl.govit.project.FundingSource;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.ProjectFacts;
import cn.jl.govit.project.ProjectStatus;

/**
 * One generated project, derived from the seed and its index alone, so that every table's pass can derive it again
 * instead of holding 100,000 of them: facts, authority and path by the application's own policies, a status that
 * fits its age, and dates in the order the CHECK constraints and the lifecycle demand.
 */
record GenProject(int index, UUID id, String code, String name, String summary, List<ProjectCategory> categories,
        GenOrgs.Org lead, String createdBy, Instant createdAt, LocalDate createdOn, BigDecimal estimate, int periodMonths,
        ProjectFacts facts, ApprovalAuthority authority, ApprovalPath path, ProjectStatus status,
        boolean modeDecided, boolean selfBuilt, BigDecimal approvedEstimate, LocalDate approvedOn,
        LocalDate startedOn, LocalDate initialAcceptedOn, LocalDate operationStartedOn, LocalDate suspendedOn,
        LocalDate terminatedOn, LocalDate rejectedOn, LocalDate submittedOn) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int FIRST_YEAR = 2022;
    static final int YEARS = 5;

    private static final ApprovalAuthorityPolicy AUTHORITY = new ApprovalAuthorityPolicy();
    private static final ApprovalPathPolicy PATH = new ApprovalPathPolicy();

    /** The year a project index is created in: the indexes are spread evenly over the five years. */
    static int yearOf(int index, int total) {
        return FIRST_YEAR + (int) ((long) index * YEARS / total);
    }

    /** The first index of a year. */
    static int firstIndexOf(int year, int total) {
        int y = year - FIRST_YEAR;
        return (int) (((long) y * total + YEARS - 1) / YEARS);
    }

    static GenProject of(long seed, int index, int total, GenOrgs orgs, LocalDate asOf, long firstNumberOfYear) {
        SplittableRandom r = DataGenerator.random(seed, "project", index);
        int year = yearOf(index, total);
        int first = firstIndexOf(year, total);
        int inYear = firstIndexOf(year + 1, total) - first;
        int k = index - first;
        // created in order of the index within its year, so that codes follow creation; the current year up to asOf
        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = year == asOf.getYear() ? asOf : LocalDate.of(year, 12, 31);
        long span = ChronoUnit.DAYS.between(yearStart, yearEnd) + 1;
        LocalDate createdOn = yearStart.plusDays((long) ((k + r.nextDouble()) * span / inYear));
        if (createdOn.isAfter(asOf)) {
            createdOn = asOf;
        }
        Instant createdAt = createdOn.atTime(LocalTime.of(8, 30).plusSeconds(r.nextInt(9 * 3600))).atZone(ZONE)
                .toInstant();
        String code = String.format("JLZW-%d-%04d", year, firstNumberOfYear + k);

        GenOrgs.Org lead = orgs.lead(r);
        String business = lead.businesses().get(r.nextInt(lead.businesses().size()));
        String type = GenNames.SYSTEM_TYPES.get(r.nextInt(GenNames.SYSTEM_TYPES.size()));
        String name = lead.place() + business + type + GenNames.PHASES.get(r.nextInt(GenNames.PHASES.size()));
        String summary = "建设" + name + "，支撑" + lead.nameZh() + business + "业务的全流程网上办理、数据共享和监管分析，"
                + "提升政务服务效能。";

        List<ProjectCategory> categories = new ArrayList<>();
        ProjectCategory[] all = ProjectCategory.values();
        categories.add(r.nextInt(3) == 0 ? all[r.nextInt(all.length)] : ProjectCategory.BUSINESS_SYSTEM);
        if (r.nextInt(3) == 0) {
            ProjectCategory second = all[r.nextInt(all.length)];
            if (!categories.contains(second)) {
                categories.add(second);
            }
        }
        categories.sort(null);

        // log-normal around 5 million yuan, clamped to 0.5M..200M, in hundreds of yuan
        double yuan = Math.exp(Math.log(5_000_000) + 1.1 * r.nextGaussian());
        yuan = Math.max(500_000, Math.min(200_000_000, yuan));
        BigDecimal estimate = BigDecimal.valueOf(Math.round(yuan / 100) * 100L).setScale(2);
        int period = 6 + r.nextInt(31);

        boolean classified = r.nextInt(50) == 0;
        boolean simple = r.nextInt(8) == 0;
        EmergencyType emergency = r.nextInt(60) == 0 ? EmergencyType.values()[r.nextInt(2)] : null;
        boolean inPlan = r.nextInt(3) == 0;
        ProjectFacts facts = new ProjectFacts(funding(r, estimate), inPlan, emergency, simple, classified,
                r.nextInt(40) == 0, r.nextInt(30) == 0, r.nextInt(25) == 0);
        ApprovalAuthority authority = AUTHORITY.derive(facts).authority();
        ApprovalPath path = PATH.derive(facts);

        ProjectStatus status = forced(index, total);
        if (status == null) {
            status = status(r, ChronoUnit.MONTHS.between(createdOn, asOf));
        }
        // nominal gaps in days between the milestones, squeezed into the time since creation when they overrun today
        long[] gaps = {5 + r.nextInt(40), 30 + r.nextInt(120), 10 + r.nextInt(90),
            Math.round(period * 30.4 * (0.8 + 0.5 * r.nextDouble())), 30 + r.nextInt(150), 20 + r.nextInt(300)};
        int steps = switch (status) {
            case DRAFT -> 0;
            case IN_APPROVAL -> 1;
            case REJECTED -> 2;
            case APPROVED -> 2;
            case UNDER_CONSTRUCTION -> 3;
            case SUSPENDED, TERMINATED -> 4;
            case IN_ACCEPTANCE -> 4;
            case IN_OPERATION -> 5;
        };
        long available = ChronoUnit.DAYS.between(createdOn, asOf);
        long needed = 0;
        for (int i = 0; i < steps; i++) {
            needed += gaps[i];
        }
        double scale = needed > available ? (double) available / needed : 1.0;
        LocalDate[] at = new LocalDate[steps + 1];
        at[0] = createdOn;
        double t = 0;
        for (int i = 0; i < steps; i++) {
            t += gaps[i] * scale;
            at[i + 1] = createdOn.plusDays((long) Math.floor(t));
        }
        LocalDate submittedOn = steps >= 1 ? at[1] : null;
        LocalDate approvedOn = null;
        LocalDate rejectedOn = null;
        LocalDate startedOn = null;
        LocalDate initial = null;
        LocalDate operation = null;
        LocalDate suspendedOn = null;
        LocalDate terminatedOn = null;
        if (status == ProjectStatus.REJECTED) {
            rejectedOn = at[2];
        }
        else if (steps >= 2) {
            approvedOn = at[2];
        }
        if (steps >= 3 && status != ProjectStatus.REJECTED) {
            startedOn = at[3];
        }
        switch (status) {
            case IN_ACCEPTANCE -> initial = at[4];
            case IN_OPERATION -> {
                initial = at[4];
                operation = at[5];
            }
            case SUSPENDED -> suspendedOn = at[4];
            case TERMINATED -> terminatedOn = at[4];
            default -> {
            }
        }
        BigDecimal approvedEstimate = approvedOn == null ? null
                : estimate.multiply(BigDecimal.valueOf(85 + r.nextInt(16))).divide(BigDecimal.valueOf(100), 0,
                        RoundingMode.DOWN).setScale(2);
        boolean decided = status != ProjectStatus.DRAFT;
        return new GenProject(index, DataGenerator.uuid(seed, "project", index, 0), code, name, summary,
                List.copyOf(categories), lead, lead.user(), createdAt, createdOn, estimate, period, facts, authority,
                path, status, decided, classified, approvedEstimate, approvedOn, startedOn, initial, operation,
                suspendedOn, terminatedOn, rejectedOn, submittedOn);
    }

    /**
     * Every stage is represented whatever the seed and size: a few projects of 2024 stand for the later stages, the
     * newest ones for the early stages (their dates still fit their age).
     */
    private static ProjectStatus forced(int index, int total) {
        if (total < 20) {
            return null;
        }
        ProjectStatus[] later = {ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.SUSPENDED, ProjectStatus.IN_ACCEPTANCE,
            ProjectStatus.IN_OPERATION, ProjectStatus.TERMINATED};
        ProjectStatus[] early = {ProjectStatus.DRAFT, ProjectStatus.IN_APPROVAL, ProjectStatus.APPROVED,
            ProjectStatus.REJECTED};
        int k = index - firstIndexOf(FIRST_YEAR + 2, total);
        if (k >= 0 && k < later.length) {
            return later[k];
        }
        k = total - 1 - index;
        return k >= 0 && k < early.length ? early[k] : null;
    }

    /** A portfolio by age: young projects are drafts and in approval, old ones mostly in operation. */
    private static ProjectStatus status(SplittableRandom r, long ageMonths) {
        int p = r.nextInt(100);
        if (ageMonths < 3) {
            return p < 30 ? ProjectStatus.DRAFT : p < 85 ? ProjectStatus.IN_APPROVAL : p < 96 ? ProjectStatus.APPROVED
                    : ProjectStatus.REJECTED;
        }
        if (ageMonths < 9) {
            return p < 5 ? ProjectStatus.DRAFT : p < 22 ? ProjectStatus.IN_APPROVAL : p < 42 ? ProjectStatus.APPROVED
                    : p < 88 ? ProjectStatus.UNDER_CONSTRUCTION : p < 91 ? ProjectStatus.SUSPENDED
                    : p < 96 ? ProjectStatus.REJECTED : ProjectStatus.TERMINATED;
        }
        if (ageMonths < 24) {
            return p < 3 ? ProjectStatus.APPROVED : p < 55 ? ProjectStatus.UNDER_CONSTRUCTION
                    : p < 60 ? ProjectStatus.SUSPENDED : p < 80 ? ProjectStatus.IN_ACCEPTANCE
                    : p < 92 ? ProjectStatus.IN_OPERATION : p < 96 ? ProjectStatus.REJECTED : ProjectStatus.TERMINATED;
        }
        return p < 10 ? ProjectStatus.UNDER_CONSTRUCTION : p < 13 ? ProjectStatus.SUSPENDED
                : p < 25 ? ProjectStatus.IN_ACCEPTANCE : p < 90 ? ProjectStatus.IN_OPERATION
                : p < 95 ? ProjectStatus.REJECTED : ProjectStatus.TERMINATED;
    }

    /** One to three funding lines summing to the estimate; a central-budget line in about one project of seven. */
    private static List<FundingLine> funding(SplittableRandom r, BigDecimal estimate) {
        List<FundingSource> sources = new ArrayList<>();
        EnumSet<FundingSource> used = EnumSet.noneOf(FundingSource.class);
        if (r.nextInt(7) == 0) {
            sources.add(FundingSource.CENTRAL_BUDGET);
        }
        FundingSource[] local = {FundingSource.PROVINCIAL_FISCAL, FundingSource.DEPARTMENT_BUDGET,
            FundingSource.DIGITAL_JILIN_FUND, FundingSource.CITY_COUNTY, FundingSource.PROVINCIAL_FISCAL,
            FundingSource.OTHER};
        int extra = 1 + r.nextInt(sources.isEmpty() ? 2 : 1);
        used.addAll(sources);
        for (int i = 0; i < extra; i++) {
            FundingSource s = local[r.nextInt(local.length)];
            if (used.add(s)) {
                sources.add(s);
            }
        }
        List<FundingLine> lines = new ArrayList<>();
        long cents = estimate.movePointRight(2).longValueExact();
        long left = cents;
        for (int i = 0; i < sources.size(); i++) {
            long share = i == sources.size() - 1 ? left : Math.max(1, Math.round(left * (0.3 + 0.4 * r.nextDouble())) / 10000 * 10000);
            if (share >= left && i < sources.size() - 1) {
                share = left / 2;
            }
            lines.add(new FundingLine(sources.get(i), BigDecimal.valueOf(share, 2)));
            left -= share;
        }
        return lines;
    }

    /** The date construction ends on plan: the start plus the approved period. */
    LocalDate plannedCompletion() {
        return startedOn == null ? null : startedOn.plusMonths(periodMonths);
    }

    /** A moment on a day, in office hours, from a table's random. */
    static Instant at(LocalDate day, SplittableRandom r) {
        return day.atTime(LocalTime.of(8, 0).plusSeconds(r.nextInt(10 * 3600))).atZone(ZONE).toInstant();
    }
}
