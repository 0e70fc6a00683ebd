package cn.jl.govit.project.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.project.ConstructionMode;
import cn.jl.govit.project.SelfBuildException;

/** The Digital Bureau's construction-mode decision as the detail page posts it (Art. 7–8). */
public class ConstructionModeForm {

    @NotNull
    private ConstructionMode mode;

    private SelfBuildException exception;

    @Size(max = 20000)
    private String justification;

    @Min(0)
    private Long version;

    public ConstructionMode getMode() {
        return mode;
    }

    public void setMode(ConstructionMode mode) {
        this.mode = mode;
    }

    public SelfBuildException getException() {
        return exception;
    }

    public void setException(SelfBuildException exception) {
        this.exception = exception;
    }

    public String getJustification() {
        return justification;
    }

    public void setJustification(String justification) {
        this.justification = justification;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
