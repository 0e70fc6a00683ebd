/**
 * Acceptance (Art. 24, 26, 27, Annex 4): the construction unit's initial acceptance with its special acceptances,
 * the trial run, extensions and rectification after a failed acceptance, the final acceptance application with the
 * Annex 4 materials checklist, and the final acceptance by the approval authority's committee with its expert group
 * (or by the unit when the authority delegated it) — never before the archive acceptance passed (Art. 24). A passed
 * final acceptance puts the project into operation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "验收 Acceptance",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "obligation", "notification", "document",
                "archive", "expert", "dossier"})
package cn.jl.govit.acceptance;
