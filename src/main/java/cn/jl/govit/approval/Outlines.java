package cn.jl.govit.approval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.jl.govit.project.Stage;

/**
 * The outlines of Annexes 1–3 as data, loaded once from {@code regulation/outlines.yaml}: the one definition
 * that the formal review checks and the pages render as the checklist. Codes are part of the API.
 */
@Component
public class Outlines {

    public static final String RESOURCE = "regulation/outlines.yaml";
    public static final String EMERGENCY_ADDENDUM = "EMERGENCY_ADDENDUM";
    public static final String CROSS_DEPARTMENT_ADDENDUM = "CROSS_DEPARTMENT_ADDENDUM";

    private final Map<Stage, Outline> stages;
    private final Outline emergency;
    private final Outline crossDepartment;

    public Outlines() {
        this(Outlines.class.getClassLoader().getResourceAsStream(RESOURCE));
    }

    Outlines(InputStream yaml) {
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
        Map<String, Object> outlines = map(root.get("outlines"), "outlines");
        this.stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, outline(stage.name(), outlines));
        }
        this.emergency = outline(EMERGENCY_ADDENDUM, outlines);
        this.crossDepartment = outline(CROSS_DEPARTMENT_ADDENDUM, outlines);
    }

    public Outline of(Stage stage) {
        return stages.get(stage);
    }

    public Outline emergencyAddendum() {
        return emergency;
    }

    public Outline crossDepartmentAddendum() {
        return crossDepartment;
    }

    /** The outline of one submission with the addenda its project's facts add (Art. 9 (2), 12). */
    public SubmissionOutline forSubmission(Stage stage, boolean emergency, boolean crossDepartmentFirst) {
        return new SubmissionOutline(stage, of(stage), emergency ? this.emergency : null,
                crossDepartmentFirst ? crossDepartment : null);
    }

    private static Outline outline(String name, Map<String, Object> outlines) {
        Map<String, Object> node = map(outlines.get(name), "outlines." + name);
        return new Outline(name, items(node.get("chapters")), items(node.get("attachments")));
    }

    private static List<OutlineItem> items(Object node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            throw new IllegalStateException(RESOURCE + ": a list of items expected, found " + node);
        }
        return list.stream().map(o -> item(map(o, "item"))).toList();
    }

    private static OutlineItem item(Map<String, Object> node) {
        Object required = node.getOrDefault("required", Boolean.TRUE);
        Object gate = node.get("gate");
        return new OutlineItem(String.valueOf(node.get("code")), String.valueOf(node.get("title")),
                Boolean.TRUE.equals(required), gate == null ? null : String.valueOf(gate), items(node.get("sections")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new IllegalStateException(RESOURCE + ": " + what + " is not a mapping");
        }
        return (Map<String, Object>) m;
    }
}
