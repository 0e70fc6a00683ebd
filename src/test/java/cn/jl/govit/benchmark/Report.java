package cn.jl.govit.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's results as Markdown: machine, data set, load model, and one table with ratios and budgets. */
final class Report {

    private final Harness.Options options;
    private final Map<String, String> machine;
    private final Map<String, String> dataSet;
    private final String generation;
    private final List<Harness.Measured> results = new ArrayList<>();
    private String auth = "";
    private long appMemory = -1;
    private double hmacCeiling = Double.NaN;

    Report(Harness.Options options, Map<String, String> machine, Map<String, String> dataSet, String generation) {
        this.options = options;
        this.machine = machine;
        this.dataSet = dataSet;
        this.generation = generation;
    }

    void auth(String mode) {
        this.auth = mode;
    }

    void add(Harness.Measured measured) {
        results.add(measured);
    }

    void hmacCeiling(double eventsPerCpuSecond) {
        this.hmacCeiling = eventsPerCpuSecond;
    }

    void appMemory(long megabytes) {
        this.appMemory = megabytes;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Run of ").append(machine.get("date")).append(", data set `").append(options.size()).append("`\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("- data set (").append(generation).append("): ");
        md.append(String.join("; ", dataSet.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        md.append("\n- authentication: ").append(auth).append('\n');
        md.append(String.format(Locale.ROOT, "- load: 1 user calls back to back for %d s; %d users each call, think "
                + "0.5–1.5 × %d ms, call again, for %d s; saturation: %d users without think time for %d s; heavy "
                + "operations: %d calls by 1 user, then 1 call by each of %d users at once%n", options.seconds(), options.users(),
                options.thinkMillis(), options.seconds() * 2, options.users(), options.seconds(), options.heavyCalls(),
                options.users()));
        md.append("- raw SQL: the same reads over plain JDBC on the same server, pool of 10 connections (the application's)\n");
        if (appMemory > 0) {
            md.append("- application JVM resident memory after the run: ").append(appMemory).append(" MB\n");
        }
        md.append('\n');
        md.append("| operation | users | calls | err | p50 ms | p95 ms | p99 ms | calls/s | raw p50 | raw p95 | endpoint ÷ raw | budget | met |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Harness.Measured m : results) {
            Harness.Budget b = m.scenario().budget();
            boolean verification = Double.isNaN(b.p95Millis());
            row(md, m.scenario().name(), m.endpoint1(), m.raw1(), b.text(), verdict(m, true));
            row(md, "", m.endpointN(), m.rawN(), "", verdict(m, false));
            if (m.saturated() != null) {
                md.append(String.format(Locale.ROOT, "| ↳ saturation, no think time | %d | %d | %d | %.1f | %.1f | %.1f | %.0f | | | | | |%n",
                        m.saturated().users(), m.saturated().calls(), m.saturated().errors(), m.saturated().ms(50),
                        m.saturated().ms(95), m.saturated().ms(99), m.saturated().throughput()));
            }
            if (verification) {
                double calls = Math.max(1, m.endpoint1().calls());
                double events = Double.parseDouble(m.scenario().name().replaceAll("\\D", ""));
                md.append(String.format(Locale.ROOT, "| ↳ verification: %,.0f events/s (wall, 1 user); application CPU %.2f s "
                        + "per verification = **%,.0f events/s per core**; PostgreSQL CPU %.2f s per verification | | | | | | | | | | | | |%n",
                        events / (m.endpoint1().ms(50) / 1000), m.appCpuSeconds() / calls,
                        events / (m.appCpuSeconds() / calls), m.postgresCpuSeconds() / calls));
                if (!Double.isNaN(hmacCeiling)) {
                    md.append(String.format(Locale.ROOT, "| ↳ physical limit: HMAC-SM3 alone over the same events' bytes "
                            + "(BouncyCastle, one thread) **%,.0f events/s per core** | | | | | | | | | | | | |%n", hmacCeiling));
                }
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, LoadRunner.Result e, LoadRunner.Result r, String budget,
            String met) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s | %s | %.1f | %s | %s | %s | %s | %s |%n", name,
                e.users(), e.calls(), e.errors(), f(e.ms(50)), f(e.ms(95)), f(e.ms(99)), e.throughput(), f(r.ms(50)),
                f(r.ms(95)), String.format(Locale.ROOT, "%.2f", e.users() == 1 ? e.ms(50) / r.ms(50) : e.ms(95) / r.ms(95)),
                budget, met));
    }

    private static String f(double ms) {
        return Double.isNaN(ms) ? "–" : ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    /** Whether the budget holds for the 1-user row (p50 against raw) or the 50-user row (p95 against raw). */
    private static String verdict(Harness.Measured m, boolean single) {
        Harness.Budget b = m.scenario().budget();
        LoadRunner.Result e = single ? m.endpoint1() : m.endpointN();
        LoadRunner.Result r = single ? m.raw1() : m.rawN();
        if (e.errors() > 0 || e.calls() == 0) {
            return "errors";
        }
        if (Double.isNaN(b.p95Millis())) {
            return "see below";
        }
        List<String> misses = new ArrayList<>();
        boolean timeApplies = m.scenario().heavy() ? single : !single;
        if (timeApplies && e.ms(95) >= b.p95Millis()) {
            misses.add("p95");
        }
        double endpoint = single ? e.ms(50) : e.ms(95);
        double raw = single ? r.ms(50) : r.ms(95);
        if (b.ratio() && endpoint > 1.5 * raw + 1) {
            misses.add("ratio");
        }
        return misses.isEmpty() ? "yes" : "**no** (" + String.join(", ", misses) + ")";
    }
}
