package cn.jl.govit.audit;

/** Who did something: a user name and the organisation acted for ({@code null} for the system itself). */
public record Actor(String username, String organizationCode) {

    public static final Actor SYSTEM = new Actor("system", null);
}
