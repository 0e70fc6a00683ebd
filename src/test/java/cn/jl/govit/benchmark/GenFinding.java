package cn.jl.govit.benchmark;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A supervision finding of a generated project (Art. 31): about one started project in sixteen has one, raised by a
 * body in its own duty area, due after the rectification window, closed after an accepted rectification or still open
 * (then its RECTIFICATION obligation is open or overdue).
 */
record GenFinding(UUID id, String subject, String body, String area, String raisedBy, String reportedBy, String facts,
        LocalDate raisedOn, LocalDate due, LocalDate rectifiedOn, LocalDate closedOn, long seed, int index) {

    private static final String[][] BODIES = {{"SZSJ", "PROGRESS", "szsj", "项目建设进度滞后于批复的建设周期，未按期报送进度报告。"},
        {"CZT", "FUNDS", "czt", "资金支付进度与建设进度不匹配，部分支出凭证不完整。"},
        {"WXB", "CYBERSECURITY", "wxb", "系统未按要求开展网络安全等级保护测评。"},
        {"MMJ", "CRYPTOGRAPHY", "mmj", "系统未按要求使用商用密码保护重要数据。"},
        {"DAJ", "ARCHIVES", "daj", "项目文件归档不完整，缺少验收阶段材料。"}};

    static GenFinding of(DataGenerator g, GenProject p) {
        if (p.startedOn() == null) {
            return null;
        }
        SplittableRandom r = DataGenerator.random(g.seed(), "finding", p.index());
        if (r.nextInt(16) != 0) {
            return null;
        }
        String[] body = BODIES[r.nextInt(BODIES.length)];
        LocalDate end = g.lastActiveDay(p);
        long days = ChronoUnit.DAYS.between(p.startedOn(), end);
        LocalDate raised = p.startedOn().plusDays(days <= 0 ? 0 : r.nextLong(days + 1));
        LocalDate due = raised.plusMonths(6);
        LocalDate rectified = null;
        LocalDate closed = null;
        long window = ChronoUnit.DAYS.between(raised, g.asOf());
        if (window > 20 && r.nextInt(100) < (due.isBefore(g.asOf()) ? 75 : 35)) {
            rectified = raised.plusDays(10 + r.nextLong(Math.min(window - 10, 170)));
            closed = DataGenerator.clamp(rectified.plusDays(3 + r.nextInt(20)), rectified, g.asOf());
        }
        UUID id = DataGenerator.uuid(g.seed(), "finding", p.index(), 0);
        return new GenFinding(id, "FINDING-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT), body[0],
                body[1], body[2], p.createdBy(), p.code() + "：" + body[3], raised, due, rectified, closed, g.seed(),
                p.index());
    }

    SplittableRandom random() {
        return DataGenerator.random(seed, "finding-time", index);
    }
}
