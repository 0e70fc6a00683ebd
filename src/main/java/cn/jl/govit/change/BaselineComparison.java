package cn.jl.govit.change;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two baselines of a project side by side: the fields that differ, each with both values (and the difference of
 * amounts), and the change requests that lie between them.
 */
public record BaselineComparison(Baseline from, Baseline to, List<Difference> differences, List<StoredChange> changes) {

    /** One field that differs between the two baselines; {@code delta} is {@code to − from} for numbers. */
    public record Difference(String field, Object from, Object to, BigDecimal delta) {
    }

    public static BaselineComparison of(Baseline from, Baseline to, List<StoredChange> changes) {
        List<Difference> differences = new ArrayList<>();
        amount(differences, "approvedEstimate", from.approvedEstimate(), to.approvedEstimate());
        if (from.constructionPeriodMonths() != to.constructionPeriodMonths()) {
            differences.add(new Difference("constructionPeriodMonths", from.constructionPeriodMonths(),
                    to.constructionPeriodMonths(),
                    BigDecimal.valueOf((long) to.constructionPeriodMonths() - from.constructionPeriodMonths())));
        }
        amount(differences, "adjustmentsInForce", from.adjustmentsInForce(), to.adjustmentsInForce());
        if (from.kind() != to.kind()) {
            differences.add(new Difference("kind", from.kind(), to.kind(), null));
        }
        if (!Objects.equals(from.description(), to.description())) {
            differences.add(new Difference("description", from.description(), to.description(), null));
        }
        if (!Objects.equals(from.establishedOn(), to.establishedOn())) {
            differences.add(new Difference("establishedOn", from.establishedOn(), to.establishedOn(), null));
        }
        return new BaselineComparison(from, to, List.copyOf(differences), List.copyOf(changes));
    }

    private static void amount(List<Difference> out, String field, BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) != 0) {
            out.add(new Difference(field, a, b, b.subtract(a)));
        }
    }
}
