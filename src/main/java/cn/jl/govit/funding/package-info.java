/**
 * Funding (资金): Finance's fund plans (资金计划下达) and disbursements (资金拨付) for an approved project, the
 * construction unit's spending (支出) and the return of the surplus at completion (结余资金上缴), all kept within
 * the approved estimate (Art. 21); the split of content and funds between province, city and county for
 * projects built across levels (Art. 25); and the investment funnel from the approved estimate to what was
 * returned. The first fund plan per source is the fact Art. 23 (3) depends on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "资金 Funding",
        allowedDependencies = {"rulebook", "audit", "organization", "project", "construction", "document", "dossier"})
package cn.jl.govit.funding;
