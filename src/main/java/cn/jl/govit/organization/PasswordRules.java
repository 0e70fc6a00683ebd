package cn.jl.govit.organization;

import java.util.ArrayList;
import java.util.List;

/**
 * Password complexity as GB/T 22239-2019 level 3 asks (身份鉴别): at least 8 characters from at least three
 * of upper case, lower case, digits and symbols, and not the user name.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;

    private PasswordRules() {
    }

    /** Message keys of every rule the password breaks; empty when it is acceptable. */
    public static List<String> check(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("password.too-short");
            return problems;
        }
        if (password.length() > 128) {
            problems.add("password.too-long");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add("password.classes");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            problems.add("password.contains-username");
        }
        return problems;
    }
}
