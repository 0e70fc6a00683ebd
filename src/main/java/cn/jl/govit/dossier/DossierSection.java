package cn.jl.govit.dossier;

import java.util.UUID;

import cn.jl.govit.project.Project;

/**
 * One part of a project's record in the archive package, written as {@code metadata/<name>.json}. Modules implement
 * it as a bean; the export calls it as the signed-in user, who may read the project, so scoped services answer.
 */
public interface DossierSection {

    /** The file name without extension: lower-case letters, digits and hyphens. */
    String name();

    /** Whether the project has this part at all (a project never started has no construction record). */
    boolean appliesTo(Project project);

    /** The section's content, serialised to JSON as it is. */
    Object content(UUID projectId);
}
