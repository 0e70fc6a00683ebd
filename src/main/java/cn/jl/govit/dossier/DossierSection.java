package cn.jl.govit.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.PageOf;
import cn.jl.govit.rulebook.Paging;

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

    /** Every element of a paged list, read page by page at the largest page size the services allow. */
    static <T> List<T> allPages(BiFunction<Integer, Integer, PageOf<T>> pager) {
        List<T> all = new ArrayList<>();
        for (int page = 0;; page++) {
            PageOf<T> batch = pager.apply(page, Paging.MAX_SIZE);
            all.addAll(batch.content());
            if (batch.content().size() < Paging.MAX_SIZE) {
                return all;
            }
        }
    }
}
