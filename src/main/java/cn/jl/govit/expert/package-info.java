/**
 * Expert review (Art. 10, 13): the expert pool, review panels drawn at random among the experts without a
 * conflict of interest (never from the applicant or a participating organisation), and the experts' review
 * opinions, which must address the five aspects of Art. 10, the information-sharing analysis among them
 * (Art. 13 (3)). The approval module forms a panel for a submission and reads the consolidated report. The same
 * pool and draw staff the final acceptance committees (竣工验收委员会专家组, Annex 4 §7), whose experts file acceptance
 * assessment opinions on the eight aspects Annex 4 §7 names; the acceptance module forms a committee for an
 * application, handing over the project and materials snapshot, and reads the opinions before the authority
 * decides. This module knows submissions, applications and projects only by their ids.
 */
@org.springframework.modulith.ApplicationModule(displayName = "专家评审 Expert review", allowedDependencies = {"rulebook", "audit", "organization"})
package cn.jl.govit.expert;
