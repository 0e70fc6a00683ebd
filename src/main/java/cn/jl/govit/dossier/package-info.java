/**
 * Electronic archive package (电子档案包): the export of a project's whole record as one ZIP — metadata as JSON
 * per section, every stored document, the project's audit extract, an SM3 manifest (GB/T 32905) signed with
 * the approval authority's SM2 key (GB/T 32918) — and its verifier, online and on the command line, so that the
 * Archives Bureau can tell a package that was changed, cut short or added to. The lifecycle modules contribute
 * their sections through {@link cn.jl.govit.dossier.DossierSection}; this module knows none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "电子档案包 Archive package",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "document", "document :: signing"})
package cn.jl.govit.dossier;
