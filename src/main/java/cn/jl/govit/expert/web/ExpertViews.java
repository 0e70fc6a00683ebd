package cn.jl.govit.expert.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.jl.govit.expert.Aspect;
import cn.jl.govit.expert.Conclusion;
import cn.jl.govit.expert.Expert;
import cn.jl.govit.expert.ExpertContact;
import cn.jl.govit.expert.ExpertField;
import cn.jl.govit.expert.ExpertReview;
import cn.jl.govit.expert.ReviewStatus;

/** What the expert API answers. */
final class ExpertViews {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ExpertViews() {
    }

    record ExpertView(String username, String displayName, String organizationCode, List<ExpertField> fields,
            boolean active, long version) {

        static ExpertView of(Expert e) {
            return new ExpertView(e.username(), e.displayName(), e.organizationCode(),
                    e.fields().stream().sorted().toList(), e.active(), e.version());
        }
    }

    /** An expert's ID number and phone, in full (for those who manage the pool). */
    record ContactView(String username, String idNumber, String phone, long version) {

        static ContactView of(ExpertContact c) {
            return new ContactView(c.username(), c.idNumber(), c.phone(), c.version());
        }
    }

    record ReviewView(UUID id, UUID panelId, UUID submissionId, UUID projectId, String expertUsername,
            ReviewStatus status, OffsetDateTime assignedAt, OffsetDateTime submittedAt, OpinionView opinion, long version) {

        static ReviewView of(ExpertReview r) {
            return new ReviewView(r.id(), r.panelId(), r.submissionId(), r.projectId(), r.expertUsername(), r.status(),
                    time(r.assignedAt()), time(r.submittedAt()),
                    r.opinion() == null ? null : new OpinionView(r.opinion().aspects(), r.opinion().conclusion(),
                            r.opinion().recommendedInvestment()),
                    r.version());
        }
    }

    record OpinionView(Map<Aspect, String> aspects, Conclusion conclusion, BigDecimal recommendedInvestment) {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }
}
