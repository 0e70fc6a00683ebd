package cn.jl.govit.organization.web;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;

/** The administrator's forms as the browser posts them; the limits are those of the API. */
final class AdminForms {

    private AdminForms() {
    }

    /** A new organisation, or the changeable part of an existing one (code and kind stay). */
    public static class OrganizationForm {

        @NotBlank
        @Size(max = 16)
        private String code;

        @NotBlank
        @Size(max = 200)
        private String nameZh;

        @Size(max = 200)
        private String nameEn;

        @NotNull
        private OrganizationKind kind = OrganizationKind.DEPARTMENT;

        @Size(max = 50)
        private String dutyArea;

        private boolean active = true;

        @Min(0)
        private long version;

        static OrganizationForm of(Organization o) {
            OrganizationForm form = new OrganizationForm();
            form.code = o.code();
            form.nameZh = o.nameZh();
            form.nameEn = o.nameEn();
            form.kind = o.kind();
            form.dutyArea = o.dutyArea();
            form.active = o.active();
            form.version = o.version();
            return form;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code == null ? null : code.strip(); }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public OrganizationKind getKind() { return kind; }
        public void setKind(OrganizationKind kind) { this.kind = kind; }
        public String getDutyArea() { return dutyArea; }
        public void setDutyArea(String dutyArea) { this.dutyArea = dutyArea; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    /** A new user, or the changeable part of an existing one (the user name stays, the password is reset apart). */
    public static class UserForm {

        @NotBlank
        @Size(max = 50)
        private String username;

        @NotBlank
        @Size(max = 100)
        private String displayName;

        @Size(max = 16)
        private String organizationCode;

        @NotEmpty
        private Set<Role> roles = EnumSet.noneOf(Role.class);

        private boolean enabled = true;

        @Size(max = 128)
        private String password;

        @Size(max = 254)
        private String email;

        @Min(0)
        private long version;

        static UserForm of(UserAccount u) {
            UserForm form = new UserForm();
            form.username = u.username();
            form.displayName = u.displayName();
            form.organizationCode = u.organizationCode();
            form.roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
            form.enabled = u.enabled();
            form.email = u.email();
            form.version = u.version();
            return form;
        }

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
        public String getOrganizationCode() { return organizationCode; }
        public void setOrganizationCode(String organizationCode) { this.organizationCode = organizationCode; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    /** A new password for a user. */
    public static class PasswordForm {

        @NotBlank
        @Size(max = 128)
        private String password;

        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
    }
}
