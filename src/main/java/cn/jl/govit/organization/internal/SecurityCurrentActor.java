package cn.jl.govit.organization.internal;

import org.springframework.stereotype.Component;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.CurrentActor;
import cn.jl.govit.organization.CurrentUsers;

/** Audit events name the signed-in user and organisation, or the system when nobody is signed in. */
@Component
class SecurityCurrentActor implements CurrentActor {

    private final CurrentUsers users;

    SecurityCurrentActor(CurrentUsers users) {
        this.users = users;
    }

    @Override
    public Actor current() {
        return users.find().map(u -> new Actor(u.username(), u.organizationCode())).orElse(Actor.SYSTEM);
    }
}
