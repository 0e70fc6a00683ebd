package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.jl.govit.project.Stage;

/**
 * Every item of the outlines has its title in both languages, and every rule an outline names as a gate has the
 * messages the formal review cites it with: a change of outlines.yaml without its texts fails here.
 */
class OutlineMessagesTests {

    private final Outlines outlines = new Outlines();

    @ParameterizedTest
    @ValueSource(strings = {"approval.properties", "approval_en.properties"})
    void everyOutlineItemAndGateHasItsTexts(String bundle) throws IOException {
        Properties texts = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8)) {
            texts.load(reader);
        }
        List<OutlineItem> items = new ArrayList<>();
        Stream.of(Stage.values()).map(outlines::of).forEach(o -> {
            items.addAll(o.items());
            items.addAll(o.attachments());
        });
        items.addAll(outlines.emergencyAddendum().items());
        items.addAll(outlines.crossDepartmentAddendum().items());

        assertThat(items).allSatisfy(i -> assertThat(texts).as(i.code()).containsKey("outline." + i.code()));
        assertThat(items.stream().map(OutlineItem::rule).distinct()).allSatisfy(rule -> assertThat(texts)
                .containsKeys("violation." + rule + ".chapter-missing", "violation." + rule + ".not-applicable"));
    }
}
