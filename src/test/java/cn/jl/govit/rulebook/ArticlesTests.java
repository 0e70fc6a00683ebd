package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule ids cite the articles of the measures, 第一条 to 第三十八条. */
class ArticlesTests {

    @ParameterizedTest(name = "{0} ⇒ {1}")
    @CsvSource({
            "ART-1, 第一条", "ART-2, 第二条", "ART-5, 第五条", "ART-9, 第九条", "ART-9-4, 第九条",
            "ART-10, 第十条", "ART-11, 第十一条", "ART-13-2, 第十三条", "ART-19, 第十九条", "ART-20, 第二十条",
            "ART-21, 第二十一条", "ART-23-1, 第二十三条", "ART-30, 第三十条", "ART-33, 第三十三条",
            "ART-38, 第三十八条"})
    void citesTheArticleInChinese(String ruleId, String article) {
        assertThat(Articles.chinese(ruleId)).isEqualTo(article);
    }

    @ParameterizedTest
    @CsvSource({"ART-1, 1", "ART-9-4, 9", "ART-23-1, 23", "ART-38, 38"})
    void numberIsTheArticleWithoutTheClause(String ruleId, int number) {
        assertThat(Articles.number(ruleId)).isEqualTo(number);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ART", "ART-", "ART-X", "art-5", "ART-5-", "ART-5-a", "ART-123", "RULE-5", " ART-5",
            "ART-0", "ART-00", "ART-05", "ART-39", "ART-99", "ART-5-0"})
    void refusesWhatIsNotARuleIdOfTheMeasures(String ruleId) {
        assertThatIllegalArgumentException().isThrownBy(() -> Articles.number(ruleId));
        assertThatIllegalArgumentException().isThrownBy(() -> Articles.chinese(ruleId));
    }

    @Test
    void citationsRefuseABadRuleId() {
        assertThatIllegalArgumentException().isThrownBy(() -> Violation.of("ART-40", "x", "key"));
        assertThatIllegalArgumentException().isThrownBy(() -> Reason.of("ART-0", "key"));
        assertThatIllegalArgumentException().isThrownBy(() -> RuleDefinition.of("ART-5-x"));
    }

    @Test
    void everyArticleOfTheMeasuresHasItsNumeral() {
        String[] expected = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
                "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五", "二十六",
                "二十七", "二十八", "二十九", "三十", "三十一", "三十二", "三十三", "三十四", "三十五", "三十六", "三十七",
                "三十八"};
        for (int n = 1; n <= 38; n++) {
            assertThat(Articles.chinese("ART-" + n)).isEqualTo("第" + expected[n - 1] + "条");
        }
    }
}
