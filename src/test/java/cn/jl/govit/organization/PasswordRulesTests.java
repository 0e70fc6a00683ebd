package cn.jl.govit.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Password complexity of GB/T 22239-2019 level 3. */
class PasswordRulesTests {

    @ParameterizedTest
    @ValueSource(strings = {"Demo@2026", "abcDEF12", "abcdef1!", "ABCDEF1!", "Abcdefg!", "长城Abc12345", "Pa55 word"})
    void acceptsEightCharactersFromThreeClasses(String password) {
        assertThat(PasswordRules.check("zhangsan", password)).isEmpty();
    }

    @Test
    void refusesFewerThanEightCharacters() {
        assertThat(PasswordRules.check("zhangsan", "Ab1!xyz")).containsExactly("password.too-short");
        assertThat(PasswordRules.check("zhangsan", "")).containsExactly("password.too-short");
        assertThat(PasswordRules.check("zhangsan", null)).containsExactly("password.too-short");
        assertThat(PasswordRules.MIN_LENGTH).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "ABCDEFGH", "12345678", "!@#$%^&*", "abcdEFGH", "abcd1234", "ABCD!@#$", "1234!@#$"})
    void refusesFewerThanThreeClasses(String password) {
        assertThat(PasswordRules.check("zhangsan", password)).containsExactly("password.classes");
    }

    @Test
    void refusesAPasswordThatContainsTheUserName() {
        assertThat(PasswordRules.check("rst", "Rst@2026x")).containsExactly("password.contains-username");
        assertThat(PasswordRules.check("Zhang", "xxZHANG1!")).containsExactly("password.contains-username");
    }

    @Test
    void refusesMoreThan128Characters() {
        assertThat(PasswordRules.check("zhangsan", "Aa1!" + "x".repeat(125))).containsExactly("password.too-long");
        assertThat(PasswordRules.check("zhangsan", "Aa1!" + "x".repeat(124))).isEmpty();
    }

    @Test
    void reportsEveryProblemOfALongEnoughPassword() {
        assertThat(PasswordRules.check("wangwu", "wangwu12")).containsExactly("password.classes", "password.contains-username");
    }

    @Test
    void aMissingUserNameIsNoProblem() {
        assertThat(PasswordRules.check(null, "Demo@2026")).isEmpty();
    }
}
