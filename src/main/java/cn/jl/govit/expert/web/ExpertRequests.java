package cn.jl.govit.expert.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import cn.jl.govit.expert.Aspect;
import cn.jl.govit.expert.Conclusion;
import cn.jl.govit.expert.ExpertField;
import cn.jl.govit.expert.ReviewOpinion;

/** Request bodies of the expert API; the limits are those of the API contract. */
final class ExpertRequests {

    private ExpertRequests() {
    }

    record EnrollExpert(
            @NotBlank @Size(max = 50) String username,
            @NotEmpty @Size(max = 6) Set<@NotNull ExpertField> fields,
            Boolean active) {
    }

    record UpdateExpert(
            @NotEmpty @Size(max = 6) Set<@NotNull ExpertField> fields,
            @NotNull Boolean active,
            @Min(0) Long version) {
    }

    /** An expert's ID number and phone; blank or absent removes the value (the format is checked by the pool). */
    record ChangeContact(
            @Schema(description = "resident ID number (18 characters, GB 11643)") @Size(max = 32) String idNumber,
            @Schema(description = "mobile or landline with area code") @Size(max = 32) String phone,
            @Min(0) Long version) {
    }

    /** The ID number to find a pool member by (in the body, so that it never appears in a URL or an access log). */
    record LookupExpert(@NotBlank @Size(max = 32) String idNumber) {
    }

    /**
     * An opinion: a missing or blank aspect is a rule of the measures ({@code 422}), so the aspects carry only
     * the length limit here; a missing conclusion or investment is malformed input ({@code 400}).
     */
    record FileOpinion(
            @Size(max = 5) Map<@NotNull Aspect, @Size(max = 20000) String> aspects,
            @NotNull Conclusion conclusion,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 2) BigDecimal recommendedInvestment,
            @Min(0) Long version) {

        ReviewOpinion toOpinion() {
            return new ReviewOpinion(aspects, conclusion, recommendedInvestment);
        }
    }
}
