package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text the user reads comes from a bundle in both languages (spring-petclinic {@code I18nPropertiesSyncTest}):
 * each key of a Chinese bundle exists in its English twin and the other way round, and no template carries
 * Chinese text of its own, outside the {@code #{...}} message expressions.
 */
class I18nMessagesTests {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");

    /** Han characters and CJK punctuation: what a Chinese text left in a template would contain. */
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");
    /** A message expression, with one level of nested {@code ${...}} or {@code |...|} inside. */
    private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{(?:[^{}]|\\{[^{}]*})*}");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    /** Every message bundle of the application: each module may keep its own ({@code planning.properties}…). */
    static List<String> bundles() throws IOException {
        try (var files = java.nio.file.Files.list(RESOURCES)) {
            List<String> names = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .sorted().toList();
            assertThat(names).contains("messages", "ui");
            return names;
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyKeyExistsInBothLanguages(String bundle) throws IOException {
        Set<String> chinese = load(RESOURCES.resolve(bundle + ".properties")).stringPropertyNames();
        Set<String> english = load(RESOURCES.resolve(bundle + "_en.properties")).stringPropertyNames();

        assertThat(missing(chinese, english)).as("keys of %s.properties missing in %s_en.properties", bundle, bundle)
                .isEmpty();
        assertThat(missing(english, chinese)).as("keys of %s_en.properties missing in %s.properties", bundle, bundle)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void noValueIsBlank(String bundle) throws IOException {
        for (String file : List.of(bundle + ".properties", bundle + "_en.properties")) {
            Properties properties = load(RESOURCES.resolve(file));
            assertThat(properties.stringPropertyNames().stream().filter(k -> properties.getProperty(k).isBlank()))
                    .as("blank values in %s", file).isEmpty();
        }
    }

    @Test
    void templatesHaveNoChineseOfTheirOwn() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).as("templates under %s", TEMPLATES).isNotEmpty();
        for (Path template : templates) {
            List<String> lines = Files.readAllLines(template, StandardCharsets.UTF_8);
            String withoutComments = COMMENT.matcher(String.join("\n", lines))
                    .replaceAll(m -> "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
            String[] scanned = withoutComments.split("\n", -1);
            for (int i = 0; i < scanned.length; i++) {
                String outsideMessages = MESSAGE_EXPRESSION.matcher(scanned[i]).replaceAll("");
                Matcher cjk = CJK.matcher(outsideMessages);
                if (cjk.find()) {
                    offences.add(TEMPLATES.relativize(template) + ":" + (i + 1) + ": " + scanned[i].strip());
                }
            }
        }
        assertThat(offences).as("Chinese text outside message expressions (move it into ui.properties)").isEmpty();
    }

    @Test
    void theScanFindsLiteralChineseButNotMessageExpressions() {
        assertThat(CJK.matcher(MESSAGE_EXPRESSION.matcher("<h1 th:text=\"#{home.title}\">首页</h1>").replaceAll("")).find())
                .isTrue();
        assertThat(CJK.matcher(MESSAGE_EXPRESSION.matcher("<span th:text=\"${a} + '元'\">x</span>").replaceAll("")).find())
                .isTrue();
        assertThat(CJK.matcher(MESSAGE_EXPRESSION.matcher("<span th:text=\"#{|enum.X.${s.name()}|}\">x</span>").replaceAll(""))
                .find()).isFalse();
        assertThat(MESSAGE_EXPRESSION.matcher("#{money.yuan(${#numbers.formatDecimal(p, 1, 'COMMA', 2, 'POINT')})}")
                .replaceAll("")).isEmpty();
    }

    private static Set<String> missing(Set<String> keys, Set<String> in) {
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(in);
        return missing;
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
