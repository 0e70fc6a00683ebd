package cn.jl.govit.construction;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A milestone of a baseline as planned: its name and planned date within the construction period. */
@Schema(description = "A milestone of the baseline: its name and planned date within the construction period")
public record PlannedMilestone(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate plannedOn) {
}
