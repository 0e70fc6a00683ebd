/**
 * Obligations (应办事项): every deadline the measures create — annual performance reports (Art. 20), initial
 * acceptance at the end of the construction period (Art. 26), rectification orders (Art. 22, 27, 31), the final
 * acceptance application window (Art. 26), self-evaluation (Art. 28) and periodic security and cryptography
 * assessments (Art. 16, 17, 36) — derived from the facts the other modules record, with status {@code OPEN},
 * {@code MET}, {@code OVERDUE} or {@code WAIVED}. Later lifecycle modules open and meet obligations through
 * {@link cn.jl.govit.obligation.Obligations}; this module knows them only by their project ids. It derives the
 * deadlines of construction itself when construction starts ({@link cn.jl.govit.obligation.ConstructionDeadlines}),
 * and its daily scan ({@link cn.jl.govit.obligation.ObligationScans}) marks overdue obligations, reminds the
 * responsible department before a due date and notifies it and the approval authority through the notification
 * module, then publishes {@link cn.jl.govit.obligation.ObligationEvents.DailyScanCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "应办事项 Obligations",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "notification", "dossier"})
package cn.jl.govit.obligation;
