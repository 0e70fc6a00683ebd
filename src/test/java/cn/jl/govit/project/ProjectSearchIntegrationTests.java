package cn.jl.govit.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
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

    private static List<String> names(Api api, String q) {
        return api.as("szsj").everyItem("projects?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                "$.name");
    }
}
