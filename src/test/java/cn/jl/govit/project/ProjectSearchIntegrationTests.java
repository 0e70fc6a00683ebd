package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/**
 * Search by name or code goes through the index of character pairs (V7_10): a search finds exactly what a substring
 * search (ILIKE) of name or code finds, for one character, for one pair (answered by the index alone), and for
 * longer words (the pairs narrow, ILIKE decides), whatever the case of Latin letters (issue 8).
 */
@GovItTest
class ProjectSearchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ProjectRepository repository;

    @Test
    void aSearchFindsExactlyTheNamesAndCodesThatHoldIt() {
        Api api = new Api(port);
        // rare characters, so that other tests' projects do not match
        String created = api.as("rst").post("projects", Api.proposal("鼋鼍协同平台")).text("$.code");
        api.as("rst").post("projects", Api.proposal("鼍鼋数据中心"));

        assertThat(names(api, "鼋鼍")).containsExactly("鼋鼍协同平台");
        assertThat(names(api, "鼍鼋")).containsExactly("鼍鼋数据中心");
        assertThat(names(api, "鼋")).containsExactlyInAnyOrder("鼋鼍协同平台", "鼍鼋数据中心");
        assertThat(names(api, "鼋鼍协")).containsExactly("鼋鼍协同平台");
        // every pair of "鼋鼍数" is in one name or the other, but only a substring search decides: none holds it
        assertThat(names(api, "鼋鼍数")).isEmpty();
        // the search text is stripped, so a pair with the space that joins name and code is never asked for
        assertThat(names(api, " 鼋鼍 ")).containsExactly("鼋鼍协同平台");
        // the code, in any case, whole or in part
        assertThat(names(api, created.toLowerCase())).containsExactly("鼋鼍协同平台");
        assertThat(names(api, created.substring(created.length() - 2))).contains("鼋鼍协同平台");
    }

    /**
     * A common word's page is read in list order with ILIKE alone, a rare word's through the pairs index: both find
     * the same projects in the same order, for pairs, longer words, one character, code fragments and the LIKE
     * wildcards taken literally.
     */
    @Test
    void aCommonWordsPageHoldsWhatTheIndexedPageHolds() {
        Api api = new Api(port);
        String code = api.as("rst").post("projects", Api.proposal("鼋鼍共用平台")).text("$.code");
        api.as("rst").post("projects", Api.proposal("鼋鼍共用100%_中心"));
        api.as("rst").post("projects", Api.proposal("鼋鼍共用系统"));
        ProjectScope.Filter all = new ProjectScope.Filter(true, null);
        ProjectScope.Filter department = new ProjectScope.Filter(false, "RST");
        for (String q : List.of("鼋鼍", "鼋鼍共用", "共用平", "鼋", "100%_", "%_", "_", code, code.substring(5).toLowerCase())) {
            for (ProjectScope.Filter scope : List.of(all, department)) {
                ProjectListFilter filter = ProjectListFilter.of(null, q);
                List<String> indexed = codes(repository.page(scope, filter, 0, 100, false));
                assertThat(codes(repository.page(scope, filter, 0, 100, true))).as(q).isEqualTo(indexed);
                assertThat(indexed).as(q).hasSizeLessThanOrEqualTo((int) repository.count(scope, filter));
            }
        }
        assertThat(codes(repository.page(all, ProjectListFilter.of(null, "鼋鼍共用"), 0, 100, true))).hasSize(3);
        assertThat(codes(repository.page(all, ProjectListFilter.of(null, "100%_"), 0, 100, true))).hasSize(1);
    }

    private static List<String> codes(List<Project> projects) {
        return projects.stream().map(Project::code).toList();
    }

    private static List<String> names(Api api, String q) {
        return api.as("szsj").everyItem("projects?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                "$.name");
    }
}
