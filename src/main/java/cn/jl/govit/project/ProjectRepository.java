package cn.jl.govit.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Stores projects; an update with a stale version fails with an optimistic locking failure. */
public interface ProjectRepository {

    void insert(Project project);

    /** Writes the project if its stored version is still {@code project.version()}, and bumps the version. */
    Project update(Project project);

    Optional<Project> findById(UUID id);


    long count(ProjectScope.Filter scope, ProjectStatus status, String query);

    /**
     * A page of the list under every filter of the list, newest first. {@code commonWord}: the search matches so
     * many projects that the page is read in list order, each row checked by its text, rather than every match
     * fetched through the pairs index and sorted (issue 8).
     */
    List<Project> page(ProjectScope.Filter scope, ProjectListFilter filter, int page, int size, boolean commonWord);

    long count(ProjectScope.Filter scope, ProjectListFilter filter);

    Map<ProjectStatus, Long> countByStatus(ProjectScope.Filter scope);

    /** The next project code of a year, {@code JLZW-2026-0001}, unique under concurrency. */
    String nextCode(int year);
}
