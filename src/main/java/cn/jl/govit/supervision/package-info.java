/**
 * Supervision (监督检查): the findings that the provincial supervising bodies raise on a project in their duty areas
 * (Art. 5, 30, 31) and the construction unit's rectification of them. A finding opens a RECTIFICATION obligation of
 * the lead department; the raising body accepts or rejects each rectification; nothing is deleted — a finding raised
 * in error is withdrawn with a reason and stays visible.
 */
@org.springframework.modulith.ApplicationModule(displayName = "监督检查 Supervision",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "obligation", "notification", "document",
                "dossier"})
package cn.jl.govit.supervision;
