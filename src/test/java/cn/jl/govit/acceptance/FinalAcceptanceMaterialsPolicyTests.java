package cn.jl.govit.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.MessageKey;
import cn.jl.govit.rulebook.Violation;

/** Art. 26 and Annex 4: which materials a final acceptance application needs, for each combination of facts. */
class FinalAcceptanceMaterialsPolicyTests {

    private static final FinalAcceptanceMaterials CATALOGUE = new FinalAcceptanceMaterials();
    private static final FinalAcceptanceMaterialsPolicy POLICY = new FinalAcceptanceMaterialsPolicy(CATALOGUE.all());

    private static final List<String> ALWAYS = List.of("FA-SUMMARY", "FA-CRYPTO-ASSESSMENT", "AM1", "AM2", "AM3", "AM4",
            "AM5", "AM6", "AM7", "AM8", "AM9", "AM10", "AM11", "AM14.1", "AM14.4");
    private static final List<String> SOFTWARE = List.of("AM13.1", "AM13.2", "AM13.3", "AM13.4", "AM13.5");

    @Test
    void theCatalogueHoldsTheAnnexListAndTheTwoReportsOfArticle26() {
        assertThat(CATALOGUE.all()).hasSize(24);
        assertThat(CATALOGUE.find("AM12")).get().extracting(FinalAcceptanceMaterial::required).isEqualTo(false);
        assertThat(CATALOGUE.find("AM14.3")).get().extracting(FinalAcceptanceMaterial::when)
                .isEqualTo(FinalAcceptanceMaterial.Condition.CLASSIFIED);
        assertThat(CATALOGUE.find("AM99")).isEmpty();
    }

    @Test
    void softwareNotClassifiedNeedsTheSoftwareDocumentsAndTheMlpsEvaluation() {
        assertThat(POLICY.requiredCodes(true, false)).containsExactlyInAnyOrderElementsOf(
                concat(ALWAYS, SOFTWARE, List.of("AM14.2")));
    }

    @Test
    void softwareClassifiedNeedsTheGradedProtectionOpinionInsteadOfTheMlpsEvaluation() {
        assertThat(POLICY.requiredCodes(true, true)).containsExactlyInAnyOrderElementsOf(
                concat(ALWAYS, SOFTWARE, List.of("AM14.3")));
    }

    @Test
    void noSoftwareNotClassifiedLeavesOutTheSoftwareDocuments() {
        assertThat(POLICY.requiredCodes(false, false)).containsExactlyInAnyOrderElementsOf(
                concat(ALWAYS, List.of(), List.of("AM14.2")));
    }

    @Test
    void noSoftwareClassified() {
        assertThat(POLICY.requiredCodes(false, true)).containsExactlyInAnyOrderElementsOf(
                concat(ALWAYS, List.of(), List.of("AM14.3")));
    }

    @Test
    void otherMaterialsAreOptionalAndNeverMissing() {
        FinalAcceptanceMaterial am12 = CATALOGUE.find("AM12").orElseThrow();
        FinalAcceptanceMaterial am15 = CATALOGUE.find("AM15").orElseThrow();
        assertThat(FinalAcceptanceMaterialsPolicy.applicability(am12, true, false)).isEqualTo(MaterialApplicability.OPTIONAL);
        assertThat(FinalAcceptanceMaterialsPolicy.applicability(am15, false, true)).isEqualTo(MaterialApplicability.OPTIONAL);
        assertThat(FinalAcceptanceMaterialsPolicy.applicability(CATALOGUE.find("AM13.1").orElseThrow(), false, false))
                .isEqualTo(MaterialApplicability.NOT_APPLICABLE);
        assertThat(FinalAcceptanceMaterialsPolicy.applicability(CATALOGUE.find("AM14.2").orElseThrow(), true, true))
                .isEqualTo(MaterialApplicability.NOT_APPLICABLE);
    }

    @Test
    void everyRequiredMaterialSuppliedMeansNoViolation() {
        assertThat(POLICY.missing(true, false, new HashSet<>(POLICY.requiredCodes(true, false)))).isEmpty();
        assertThat(POLICY.missing(false, true, new HashSet<>(POLICY.requiredCodes(false, true)))).isEmpty();
    }

    @Test
    void aSingleMissingMaterialIsNamedByItsCodeAndTitle() {
        Set<String> supplied = new HashSet<>(POLICY.requiredCodes(true, false));
        supplied.remove("AM7");
        List<Violation> violations = POLICY.missing(true, false, supplied);
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("ART-26");
            assertThat(v.item()).isEqualTo("AM7");
            assertThat(v.messageKey()).isEqualTo("violation.ART-26.final-material-missing");
            assertThat(v.args()).containsExactly("AM7", new MessageKey("acceptance.final.material.AM7"));
        });
    }

    @Test
    void aClassifiedProjectMissesTheGradedProtectionOpinionNotTheMlpsEvaluation() {
        Set<String> supplied = new HashSet<>(POLICY.requiredCodes(false, false));
        assertThat(POLICY.missing(false, true, supplied)).extracting(Violation::item).containsExactly("AM14.3");
    }

    @Test
    void nothingSuppliedListsEveryRequiredMaterialInChecklistOrder() {
        assertThat(POLICY.missing(true, false, Set.of())).extracting(Violation::item)
                .containsExactlyElementsOf(POLICY.requiredCodes(true, false));
        assertThat(POLICY.requiredCodes(true, false)).startsWith("FA-SUMMARY", "FA-CRYPTO-ASSESSMENT", "AM1");
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
