package cn.jl.govit.organization.internal;

import java.util.Set;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import cn.jl.govit.organization.CurrentUser;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Role;

/** The security principal: Spring's user plus what scope decisions need. */
public class SignedInUser extends User {

    private final String displayName;
    private final String organizationCode;
    private final OrganizationKind organizationKind;
    private final Set<Role> roles;

    SignedInUser(String username, String passwordHash, boolean enabled, boolean nonLocked, String displayName,
            String organizationCode, OrganizationKind organizationKind, Set<Role> roles) {
        super(username, passwordHash, enabled, true, true, nonLocked,
                roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
        this.displayName = displayName;
        this.organizationCode = organizationCode;
        this.organizationKind = organizationKind;
        this.roles = Set.copyOf(roles);
    }

    public CurrentUser toCurrentUser() {
        return new CurrentUser(getUsername(), displayName, organizationCode, organizationKind, roles);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
