/**
 * The rulebook's web support that every module's REST controllers use: request validation after the scope
 * and role checks ({@link cn.jl.govit.rulebook.RequestValidator}) and the problem+json answers of the API.
 * Exposed as the named interface {@code rulebook :: web}.
 */
@org.springframework.modulith.NamedInterface("web")
package cn.jl.govit.rulebook.web;
