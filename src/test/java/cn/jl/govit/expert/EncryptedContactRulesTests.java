package cn.jl.govit.expert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.jl.govit.rulebook.InvalidInputException;

/** The form and normal form of an expert's ID number and phone: what is sealed and what the blind index covers. */
class EncryptedContactRulesTests {

    @Test
    void anIdNumberEndsWithItsCheckCharacter() {
        assertThat(ExpertContactRules.checkCharacter("22010219700101123")).isEqualTo('X');
        assertThat(ExpertContactRules.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ExpertContactRules.checkIdNumber("220104197512120043")).isEqualTo("220104197512120043");
        assertThatThrownBy(() -> ExpertContactRules.checkIdNumber("220104197512120044"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpertContactRules.checkIdNumber("22010419751212004"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpertContactRules.checkIdNumber("2201041975121200433"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theNormalFormHasACapitalXAndNoSpaces() {
        assertThat(ExpertContactRules.checkIdNumber(" 220102 19700101 123x ")).isEqualTo("22010219700101123X");
        assertThat(ExpertContactRules.normaliseIdNumber("  ")).isNull();
        assertThat(ExpertContactRules.checkIdNumber(null)).isNull();
    }

    @Test
    void aPhoneIsAMobileOrALandlineWithAreaCode() {
        assertThat(ExpertContactRules.checkPhone("139 0431 0001")).isEqualTo("13904310001");
        assertThat(ExpertContactRules.checkPhone("0431-88990003")).isEqualTo("0431-88990003");
        assertThat(ExpertContactRules.checkPhone("")).isNull();
        assertThatThrownBy(() -> ExpertContactRules.checkPhone("1390431000")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpertContactRules.checkPhone("88990003")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExpertContactRules.checkPhone("+86 13904310001")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void masksKeepThreeAndFour() {
        ExpertContact masked = new ExpertContact("expert1", "22010219700101123X", "13904310001", 3).masked();
        assertThat(masked.idNumber()).isEqualTo("220***********123X");
        assertThat(masked.phone()).isEqualTo("139****0001");
        assertThat(new ExpertContact("e", null, null, 0).masked().idNumber()).isNull();
    }
}
