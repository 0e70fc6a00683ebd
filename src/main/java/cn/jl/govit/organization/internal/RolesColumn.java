package cn.jl.govit.organization.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jl.govit.organization.Role;

public final class RolesColumn {

    private RolesColumn() {
    }

    public static Set<Role> read(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
