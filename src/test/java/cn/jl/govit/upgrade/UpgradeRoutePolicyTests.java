package cn.jl.govit.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.Reason;

/** Art. 29: only a system that shares and is catalogued goes the normal approval path. */
class UpgradeRoutePolicyTests {

    @Test
    void shareableAndCataloguedGoesTheNormalApprovalPath() {
        UpgradeAssessment a = UpgradeRoutePolicy.assess(true, "JL-XT-0012");
        assertThat(a.route()).isEqualTo(UpgradeRoute.NORMAL_APPROVAL);
        assertThat(a.reasons()).extracting(Reason::messageKey).containsExactly("reason.ART-29.route-normal",
                "reason.ART-29.shareable", "reason.ART-29.catalogued");
        assertThat(a.reasons().get(2).args()).containsExactly("JL-XT-0012");
        assertThat(a.reasons()).extracting(Reason::rule).containsOnly("ART-29");
    }

    @Test
    void shareableButNotCataloguedNeedsTheJointReview() {
        UpgradeAssessment a = UpgradeRoutePolicy.assess(true, null);
        assertThat(a.route()).isEqualTo(UpgradeRoute.JOINT_REVIEW);
        assertThat(a.reasons()).extracting(Reason::messageKey).containsExactly("reason.ART-29.route-joint-review",
                "reason.ART-29.not-catalogued", "reason.ART-29.shareable");
    }

    @Test
    void cataloguedButNotShareableNeedsTheJointReview() {
        UpgradeAssessment a = UpgradeRoutePolicy.assess(false, "JL-XT-0012");
        assertThat(a.route()).isEqualTo(UpgradeRoute.JOINT_REVIEW);
        assertThat(a.reasons()).extracting(Reason::messageKey).containsExactly("reason.ART-29.route-joint-review",
                "reason.ART-29.not-shareable", "reason.ART-29.catalogued");
    }

    @Test
    void neitherShareableNorCataloguedNeedsTheJointReviewWithBothReasons() {
        UpgradeAssessment a = UpgradeRoutePolicy.assess(false, null);
        assertThat(a.route()).isEqualTo(UpgradeRoute.JOINT_REVIEW);
        assertThat(a.reasons()).extracting(Reason::messageKey).containsExactly("reason.ART-29.route-joint-review",
                "reason.ART-29.not-shareable", "reason.ART-29.not-catalogued");
    }

    @Test
    void aBlankCatalogueCodeIsNoListing() {
        assertThat(UpgradeRoutePolicy.assess(true, "   ").route()).isEqualTo(UpgradeRoute.JOINT_REVIEW);
        assertThat(UpgradeRoutePolicy.assess(true, " JL-1 ").reasons().get(2).args()).containsExactly("JL-1");
    }
}
