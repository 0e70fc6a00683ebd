package cn.jl.govit.organization;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.internal.SignedInUser;

/** The user of the running request, for the modules that decide scope and role. */
@Component
public class CurrentUsers {

    public Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user.toCurrentUser());
        }
        return Optional.empty();
    }

    public CurrentUser current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }
}
