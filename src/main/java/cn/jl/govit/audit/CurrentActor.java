package cn.jl.govit.audit;

/** Supplies the actor of the running request; implemented by the module that knows the users. */
public interface CurrentActor {

    Actor current();
}
