package cn.jl.govit.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The special acceptances (专项验收) of an initial acceptance (Annex 4 §6: quality, environment, fire, archives,
 * security risk, cryptography, final accounts, special audit), read once from {@code regulation/outlines.yaml}, the
 * one definition of the list. An entry without {@code required: false} needs its report before the initial acceptance
 * passes.
 */
@Component
public class SpecialAcceptanceCatalog {

    static final String RESOURCE = "regulation/outlines.yaml";

    private final List<SpecialAcceptance> all;

    public SpecialAcceptanceCatalog() {
        this(SpecialAcceptanceCatalog.class.getClassLoader().getResourceAsStream(RESOURCE));
    }

    @SuppressWarnings("unchecked")
    SpecialAcceptanceCatalog(InputStream yaml) {
        if (yaml == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath");
        }
        Map<String, Object> root;
        try (yaml) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!(root.get("specialAcceptances") instanceof List<?> items)) {
            throw new IllegalStateException(RESOURCE + ": specialAcceptances is missing");
        }
        List<SpecialAcceptance> list = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> entry = (Map<String, Object>) item;
            list.add(new SpecialAcceptance((String) entry.get("code"), (String) entry.get("title"),
                    !Boolean.FALSE.equals(entry.get("required"))));
        }
        this.all = List.copyOf(list);
    }

    /** Every special acceptance, in the order of Annex 4. */
    public List<SpecialAcceptance> all() {
        return all;
    }

    public Optional<SpecialAcceptance> find(String code) {
        return all.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** One special acceptance: its stable code, its Chinese title, and whether its report is required. */
    public record SpecialAcceptance(String code, String title, boolean required) {

        public SpecialAcceptance {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(title, "title");
        }
    }
}
