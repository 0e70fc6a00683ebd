package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Art. 5: central budget funds make the DRC the approval authority; everything else the Digital Bureau. */
class ApprovalAuthorityPolicyTests {

    private final ApprovalAuthorityPolicy policy = new ApprovalAuthorityPolicy();

    @Test
    void centralBudgetAloneGoesToTheDevelopmentAndReformCommission() {
        var derived = policy.derive(funded(FundingSource.CENTRAL_BUDGET));

        assertThat(derived.authority()).isEqualTo(ApprovalAuthority.DEVELOPMENT_REFORM);
        assertThat(derived.authority().organizationCode()).isEqualTo("FGW");
        assertThat(derived.reason().rule()).isEqualTo("ART-5");
        assertThat(derived.reason().article()).isEqualTo("第五条");
        assertThat(derived.reason().messageKey()).isEqualTo("reason.ART-5.central-budget");
    }

    @Test
    void centralBudgetAmongOtherSourcesStillGoesToTheCommission() {
        var derived = policy.derive(funded(FundingSource.PROVINCIAL_FISCAL, FundingSource.DIGITAL_JILIN_FUND,
                FundingSource.CENTRAL_BUDGET));

        assertThat(derived.authority()).isEqualTo(ApprovalAuthority.DEVELOPMENT_REFORM);
    }

    @ParameterizedTest
    @EnumSource(value = FundingSource.class, names = "CENTRAL_BUDGET", mode = EnumSource.Mode.EXCLUDE)
    void everyOtherSourceGoesToTheDigitalBureau(FundingSource source) {
        var derived = policy.derive(funded(source));

        assertThat(derived.authority()).isEqualTo(ApprovalAuthority.DIGITAL_BUREAU);
        assertThat(derived.authority().organizationCode()).isEqualTo("SZSJ");
        assertThat(derived.reason().rule()).isEqualTo("ART-5");
        assertThat(derived.reason().messageKey()).isEqualTo("reason.ART-5.digital-bureau");
    }

    @Test
    void allOtherSourcesTogetherGoToTheDigitalBureau() {
        var derived = policy.derive(funded(FundingSource.DIGITAL_JILIN_FUND, FundingSource.PROVINCIAL_FISCAL,
                FundingSource.DEPARTMENT_BUDGET, FundingSource.CITY_COUNTY, FundingSource.OTHER));

        assertThat(derived.authority()).isEqualTo(ApprovalAuthority.DIGITAL_BUREAU);
    }

    private static ProjectFacts funded(FundingSource... sources) {
        List<FundingLine> lines = java.util.Arrays.stream(sources).map(s -> new FundingLine(s, new BigDecimal("100"))).toList();
        return new ProjectFacts(lines, false, null, false, false, false, false, false);
    }
}
