package cn.jl.govit.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The final acceptance materials checklist as data, loaded once from {@code regulation/outlines.yaml}
 * ({@code finalAcceptanceMaterials}): the one definition that the application checks and the page renders.
 * Codes are part of the API.
 */
@Component
public class FinalAcceptanceMaterials {

    static final String RESOURCE = "regulation/outlines.yaml";

    private final List<FinalAcceptanceMaterial> all;

    public FinalAcceptanceMaterials() {
        this(FinalAcceptanceMaterials.class.getClassLoader().getResourceAsStream(RESOURCE));
    }

    FinalAcceptanceMaterials(InputStream yaml) {
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
        if (!(root.get("finalAcceptanceMaterials") instanceof List<?> items)) {
            throw new IllegalStateException(RESOURCE + ": finalAcceptanceMaterials is not a list");
        }
        List<FinalAcceptanceMaterial> materials = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> node)) {
                throw new IllegalStateException(RESOURCE + ": a final acceptance material is not a map");
            }
            Object when = node.get("when");
            materials.add(new FinalAcceptanceMaterial(String.valueOf(node.get("code")), String.valueOf(node.get("title")),
                    !Boolean.FALSE.equals(node.get("required")),
                    when == null ? null : FinalAcceptanceMaterial.Condition.of(String.valueOf(when))));
        }
        this.all = List.copyOf(materials);
    }

    /** Every material in the order of the checklist. */
    public List<FinalAcceptanceMaterial> all() {
        return all;
    }

    public Optional<FinalAcceptanceMaterial> find(String code) {
        return all.stream().filter(m -> m.code().equals(code)).findFirst();
    }
}
