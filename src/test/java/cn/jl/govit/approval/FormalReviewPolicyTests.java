package cn.jl.govit.approval;

import static cn.jl.govit.approval.Fixtures.OUTLINES;
import static cn.jl.govit.approval.Fixtures.complete;
import static cn.jl.govit.approval.Fixtures.facts;
import static cn.jl.govit.approval.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jl.govit.project.Stage;
import cn.jl.govit.rulebook.Violation;

/** The formal review (形式审查) at each of its boundaries, without Spring. */
class FormalReviewPolicyTests {

    private final FormalReviewPolicy policy = new FormalReviewPolicy(OUTLINES);

    private List<Violation> review(SubmissionFacts facts, SubmissionContent content) {
        return policy.review(facts, content).violations();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    void aCompleteSubmissionPasses(Stage stage) {
        SubmissionFacts facts = facts(stage);
        FormalReview review = policy.review(facts, complete(facts));
        assertThat(review.violations()).isEmpty();
        assertThat(review.passed()).isTrue();
    }

    @Test
    void anEmptySubmissionNamesEveryMissingItem() {
        SubmissionFacts facts = facts(Stage.FEASIBILITY_STUDY);
        List<Violation> violations = review(facts, SubmissionContent.empty());

        assertThat(violations).extracting(Violation::item)
                .containsAll(OUTLINES.of(Stage.FEASIBILITY_STUDY).leaves().stream().map(OutlineItem::code).toList())
                .contains("informationResources", "cryptoPlan", "securityReliabilityStatement", "cloudResources");
    }

    @ParameterizedTest
    @CsvSource({"FEASIBILITY_STUDY,FS1,ART-9", "FEASIBILITY_STUDY,FS4.4,ART-13-2", "FEASIBILITY_STUDY,FS4.9,ART-16",
            "FEASIBILITY_STUDY,FS4.13,ART-18", "PRELIMINARY_DESIGN,PD4.4,ART-13-2", "PRELIMINARY_DESIGN,PD4.10,ART-17",
            "PRELIMINARY_DESIGN,PD4.14,ART-18", "PRELIMINARY_DESIGN,PD9,ART-9", "PROPOSAL,P4.7,ART-9"})
    void aMissingRequiredItemCitesItsGate(Stage stage, String code, String rule) {
        SubmissionFacts facts = facts(stage);
        List<Violation> violations = review(facts, without(complete(facts), code));

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.item()).isEqualTo(code);
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo("violation." + rule + ".chapter-missing");
        });
    }

    @Test
    void anEmptyTextIsAsMissingAsNoChapter() {
        SubmissionFacts facts = facts(Stage.FEASIBILITY_STUDY);
        SubmissionContent content = complete(facts).withChapter(ChapterEntry.written("FS2", "   \n "));
        assertThat(review(facts, content)).extracting(Violation::item).containsExactly("FS2");
    }

    @ParameterizedTest
    @CsvSource({"FEASIBILITY_STUDY,FS4.8", "FEASIBILITY_STUDY,FS4.14", "PRELIMINARY_DESIGN,PD4.9", "PROPOSAL,P4.10"})
    void anOptionalItemMayBeNotApplicableWithAReason(Stage stage, String code) {
        SubmissionFacts facts = facts(stage);
        SubmissionContent content = complete(facts).withChapter(ChapterEntry.notApplicable(code, "本项目不建设此部分"));
        assertThat(review(facts, content)).isEmpty();
    }

    @Test
    void anOptionalItemLeftUnansweredIsNamed() {
        SubmissionFacts facts = facts(Stage.FEASIBILITY_STUDY);
        assertThat(review(facts, without(complete(facts), "FS4.8"))).singleElement().satisfies(v -> {
            assertThat(v.item()).isEqualTo("FS4.8");
            assertThat(v.rule()).isEqualTo("ART-9");
            assertThat(v.messageKey()).isEqualTo("violation.ART-9.chapter-unanswered");
        });
    }

    @ParameterizedTest
    @CsvSource({"FEASIBILITY_STUDY,FS4.4,ART-13-2", "PRELIMINARY_DESIGN,PD4.4,ART-13-2",
            "PRELIMINARY_DESIGN,PD4.10,ART-17", "FEASIBILITY_STUDY,FS4.9,ART-16", "FEASIBILITY_STUDY,FS3,ART-9"})
    void aRequiredItemIsNeverNotApplicable(Stage stage, String code, String rule) {
        SubmissionFacts facts = facts(stage);
        SubmissionContent content = complete(facts).withChapter(ChapterEntry.notApplicable(code, "不涉及"));
        assertThat(review(facts, content)).singleElement().satisfies(v -> {
            assertThat(v.item()).isEqualTo(code);
            assertThat(v.rule()).isEqualTo(rule);
            assertThat(v.messageKey()).isEqualTo("violation." + rule + ".not-applicable");
        });
    }

    @Test
    void aProposalNeedsPa1Pa3Pa4Pa5ButNotPa2() {
        SubmissionFacts facts = facts(Stage.PROPOSAL);
        assertThat(review(facts, without(complete(facts), "PA2"))).isEmpty();
        for (String code : List.of("PA1", "PA3", "PA4", "PA5")) {
            assertThat(review(facts, without(complete(facts), code))).as(code).singleElement()
                    .satisfies(v -> assertThat(v.item()).isEqualTo(code));
        }
        SubmissionContent none = new SubmissionContent(complete(facts).chapters(), List.of(),
                complete(facts).informationResources(), "s", "c", "x", null, List.of());
        assertThat(review(facts, none)).extracting(Violation::item).containsExactly("PA1", "PA3", "PA4", "PA5");
    }

    @Test
    void theEmergencyMergedSubmissionCarriesNecessityAndFeasibility() {
        SubmissionFacts emergency = new SubmissionFacts(Stage.PRELIMINARY_DESIGN, true, false, false, false, false);
        SubmissionContent withoutAddendum = complete(facts(Stage.PRELIMINARY_DESIGN));

        assertThat(review(emergency, withoutAddendum)).extracting(Violation::item, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EM1", "ART-9-2"),
                        org.assertj.core.groups.Tuple.tuple("EM2", "ART-9-2"));
        assertThat(review(emergency, complete(emergency))).isEmpty();
        assertThat(review(emergency, complete(emergency).withChapter(ChapterEntry.notApplicable("EM2", "无"))))
                .extracting(Violation::item).containsExactly("EM2");
    }

    @Test
    void theFirstSubmissionOfACrossDepartmentProjectCarriesXd1ToXd4() {
        SubmissionFacts cross = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, true, false, false, false);
        assertThat(review(cross, complete(facts(Stage.FEASIBILITY_STUDY)))).extracting(Violation::item)
                .containsExactly("XD1", "XD2", "XD3", "XD4");
        assertThat(review(cross, complete(facts(Stage.FEASIBILITY_STUDY)))).extracting(Violation::rule).containsOnly("ART-12");
        assertThat(review(cross, complete(cross))).isEmpty();
        assertThat(review(cross, without(complete(cross), "XD3"))).extracting(Violation::item).containsExactly("XD3");
    }

    @Test
    void theCatalogueNeedsAnEntryAndEachEntryItsShareTerms() {
        SubmissionFacts facts = facts(Stage.FEASIBILITY_STUDY);
        SubmissionContent base = complete(facts);

        assertThat(review(facts, resources(base, List.of()))).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-13-1");
            assertThat(v.item()).isEqualTo("informationResources");
        });
        List<Violation> entries = review(facts, resources(base, List.of(
                new InformationResource("法人信息", ShareType.UNCONDITIONAL, null, null),
                new InformationResource("参保信息", ShareType.CONDITIONAL, " ", null),
                new InformationResource("涉密档案", ShareType.NOT_SHARED, null, null),
                new InformationResource("人员信息", null, null, null),
                new InformationResource("就业信息", ShareType.CONDITIONAL, "按需申请", null),
                new InformationResource("内部考核", ShareType.NOT_SHARED, null, "依《条例》不予共享"))));
        assertThat(entries).extracting(Violation::item).containsExactly("informationResources[1].shareCondition",
                "informationResources[2].notSharedReason", "informationResources[3].shareType");
        assertThat(entries).extracting(Violation::rule).containsOnly("ART-13-1");
    }

    @Test
    void cryptoPlanAndSecureAndReliableStatementAreRequired() {
        SubmissionFacts facts = facts(Stage.PRELIMINARY_DESIGN);
        SubmissionContent c = complete(facts);
        SubmissionContent bare = new SubmissionContent(c.chapters(), c.attachments(), c.informationResources(), " ", null,
                c.cloudResources(), null, List.of());
        assertThat(review(facts, bare)).extracting(Violation::rule, Violation::item).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ART-17", "cryptoPlan"),
                org.assertj.core.groups.Tuple.tuple("ART-18", "securityReliabilityStatement"));
    }

    @Test
    void xiangyunResourcesAreRequiredAndANewCloudNeedsAStateExemption() {
        SubmissionFacts plain = facts(Stage.FEASIBILITY_STUDY);
        SubmissionFacts newCloud = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, true, false, false);
        SubmissionContent c = complete(plain);
        SubmissionContent noCloud = new SubmissionContent(c.chapters(), c.attachments(), c.informationResources(),
                c.securityReliabilityStatement(), c.cryptoPlan(), null, null, List.of());
        SubmissionContent exempted = new SubmissionContent(c.chapters(), c.attachments(), c.informationResources(),
                c.securityReliabilityStatement(), c.cryptoPlan(), c.cloudResources(), "国办函〔2025〕12号", List.of());

        assertThat(review(plain, noCloud)).extracting(Violation::rule, Violation::item)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-19", "cloudResources"));
        assertThat(review(newCloud, c)).extracting(Violation::rule, Violation::item)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ART-19", "stateExemption"));
        assertThat(review(newCloud, exempted)).isEmpty();
        assertThat(review(plain, exempted)).isEmpty();
    }

    @Test
    void extraPermitsAreAskedForCivilWorksAndEnergyAndRefusedOtherwise() {
        SubmissionFacts plain = facts(Stage.FEASIBILITY_STUDY);
        SubmissionFacts civil = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, false, true, false);
        SubmissionFacts energy = new SubmissionFacts(Stage.FEASIBILITY_STUDY, false, false, false, false, true);
        SubmissionContent c = complete(plain);

        assertThat(review(civil, c)).extracting(Violation::item).containsExactlyInAnyOrder(
                "extraPermits.SITE_SELECTION", "extraPermits.LAND_PRE_APPROVAL", "extraPermits.ENVIRONMENTAL_IMPACT");
        assertThat(review(civil, c)).extracting(Violation::rule).containsOnly("ART-11");
        assertThat(review(energy, c)).extracting(Violation::item).containsExactly("extraPermits.ENERGY_ASSESSMENT");
        assertThat(review(civil, permits(c, PermitType.SITE_SELECTION, PermitType.LAND_PRE_APPROVAL,
                PermitType.ENVIRONMENTAL_IMPACT))).isEmpty();
        assertThat(review(energy, permits(c, PermitType.ENERGY_ASSESSMENT))).isEmpty();
        assertThat(review(plain, permits(c, PermitType.ENERGY_ASSESSMENT))).singleElement().satisfies(v -> {
            assertThat(v.messageKey()).isEqualTo("violation.ART-11.permit-unnecessary");
            assertThat(v.item()).isEqualTo("extraPermits.ENERGY_ASSESSMENT");
        });
        assertThat(review(energy, permits(c, PermitType.ENERGY_ASSESSMENT, PermitType.LAND_PRE_APPROVAL)))
                .extracting(Violation::messageKey).containsExactly("violation.ART-11.permit-unnecessary");
    }

    private static SubmissionContent resources(SubmissionContent c, List<InformationResource> resources) {
        return new SubmissionContent(c.chapters(), c.attachments(), resources, c.securityReliabilityStatement(),
                c.cryptoPlan(), c.cloudResources(), c.stateExemption(), c.extraPermits());
    }

    private static SubmissionContent permits(SubmissionContent c, PermitType... types) {
        return new SubmissionContent(c.chapters(), c.attachments(), c.informationResources(),
                c.securityReliabilityStatement(), c.cryptoPlan(), c.cloudResources(), c.stateExemption(),
                java.util.Arrays.stream(types).map(t -> new ExtraPermit(t, "吉发改审批〔2026〕" + UUID.randomUUID())).toList());
    }
}
