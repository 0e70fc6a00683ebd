package cn.jl.govit.expert.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import cn.jl.govit.expert.ExpertField;

/** A pool member as the pool page posts it: the user name (new members only), fields, active, version. */
public class ExpertForm {

    @Size(max = 50)
    private String username;
    @NotEmpty
    private Set<ExpertField> fields = EnumSet.noneOf(ExpertField.class);
    private boolean active = true;
    private Long version;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public Set<ExpertField> getFields() { return fields; }
    public void setFields(Set<ExpertField> fields) { this.fields = fields == null ? EnumSet.noneOf(ExpertField.class) : fields; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
