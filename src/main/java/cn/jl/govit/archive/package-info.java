/**
 * Archives (档案, Art. 24): the construction unit registers the documents of its project to archive categories
 * during construction, with retention and carrier (a classified project by offline reference only, Art. 8), and
 * applies for archive acceptance; the Provincial Archives Bureau records the result. Without a passed archive
 * acceptance there is no final acceptance: {@link cn.jl.govit.archive.ArchiveAcceptances#passed} answers the gate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "档案 Archive",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "document", "dossier"})
package cn.jl.govit.archive;
