package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.jl.govit.project.Stage;

/**
 * What one submission must contain: the stage's outline plus the addenda the project's facts add, the
 * necessity and feasibility parts of an emergency project's merged submission (Art. 9 (2)) and the four
 * items of a cross-department project's first submission (Art. 12).
 *
 * @param emergencyAddendum {@code null} unless it applies
 * @param crossDepartmentAddendum {@code null} unless it applies
 */
public record SubmissionOutline(Stage stage, Outline main, Outline emergencyAddendum, Outline crossDepartmentAddendum) {

    /** The stage's outline and the addenda that apply, in that order. */
    public List<Outline> parts() {
        List<Outline> parts = new ArrayList<>(List.of(main));
        if (emergencyAddendum != null) {
            parts.add(emergencyAddendum);
        }
        if (crossDepartmentAddendum != null) {
            parts.add(crossDepartmentAddendum);
        }
        return parts;
    }

    /** Every item that carries content, addenda included. */
    public List<OutlineItem> leaves() {
        return parts().stream().flatMap(o -> o.leaves().stream()).toList();
    }

    /** Every chapter and section, addenda included. */
    public List<OutlineItem> items() {
        return parts().stream().flatMap(o -> o.items().stream()).toList();
    }

    public Optional<OutlineItem> find(String code) {
        return items().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public List<OutlineItem> attachments() {
        return main.attachments();
    }
}
