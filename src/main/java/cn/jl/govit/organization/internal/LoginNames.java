package cn.jl.govit.organization.internal;

import java.util.Locale;

/** A user name as typed at a login, normalised; {@code null} when no account could have it. */
final class LoginNames {

    private LoginNames() {
    }

    static String normalize(String typed) {
        String name = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() || name.length() > 50 || name.indexOf('\u0000') >= 0 ? null : name;
    }
}
