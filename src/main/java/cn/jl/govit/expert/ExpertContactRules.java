package cn.jl.govit.expert;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.jl.govit.rulebook.InvalidInputException;

/** The form of an expert's ID number and phone, and their normal forms (what the blind index is computed over). */
final class ExpertContactRules {

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private ExpertContactRules() {
    }

    /** The ID number without spaces, with a capital X; {@code null} for a blank one. */
    static String normaliseIdNumber(String idNumber) {
        return idNumber == null || idNumber.isBlank() ? null : idNumber.replace(" ", "").strip().toUpperCase(Locale.ROOT);
    }

    /** The phone without spaces; {@code null} for a blank one. */
    static String normalisePhone(String phone) {
        return phone == null || phone.isBlank() ? null : phone.replace(" ", "").strip();
    }

    /** A normalised ID number, checked: 18 characters whose last is the GB 11643 check character of the others. */
    static String checkIdNumber(String idNumber) {
        String id = normaliseIdNumber(idNumber);
        if (id != null && (!ID_NUMBER.matcher(id).matches() || checkCharacter(id.substring(0, 17)) != id.charAt(17))) {
            throw new InvalidInputException("idNumber", "expert.idNumber.format");
        }
        return id;
    }

    /** A normalised phone, checked: a mobile number or a landline with its area code. */
    static String checkPhone(String phone) {
        String p = normalisePhone(phone);
        if (p != null && !PHONE.matcher(p).matches()) {
            throw new InvalidInputException("phone", "expert.phone.format");
        }
        return p;
    }

    /** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
