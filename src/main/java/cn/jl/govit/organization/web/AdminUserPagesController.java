package cn.jl.govit.organization.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccount;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.organization.web.AdminForms.PasswordForm;
import cn.jl.govit.organization.web.AdminForms.UserForm;
import cn.jl.govit.rulebook.InvalidInputException;

/** The administrator's user pages: list and search, create, change roles and organisation, reset, unlock. */
@Controller
@RequestMapping("/admin/users")
class AdminUserPagesController {

    private static final int DEFAULT_SIZE = 20;

    private final UserAccounts accounts;
    private final Organizations organizations;
    private final Clock clock;
    private final cn.jl.govit.organization.CurrentUsers currentUsers;

    AdminUserPagesController(UserAccounts accounts, Organizations organizations, Clock clock,
            cn.jl.govit.organization.CurrentUsers currentUsers) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.clock = clock;
        this.currentUsers = currentUsers;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
            Model model, Locale locale, HttpServletResponse response) {
        String query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        int pageNumber = Math.max(0, Math.min(parseInt(page), 10_000_000));
        var names = AdminPageSupport.Option.organizations(organizations.all(), locale).stream()
                .collect(java.util.stream.Collectors.toMap(AdminPageSupport.Option::value, AdminPageSupport.Option::label));
        var now = clock.instant();
        List<UserRow> rows = accounts.page(query, pageNumber, DEFAULT_SIZE).stream()
                .map(u -> new UserRow(u, u.organizationCode() == null ? null : names.getOrDefault(u.organizationCode(),
                        u.organizationCode()), u.lockedAt(now)))
                .toList();
        long total = accounts.count(query);
        model.addAttribute("users", new UserPage(rows, pageNumber, DEFAULT_SIZE, total, query));
        response.setHeader("Vary", "HX-Request");
        if ("true".equals(htmx) && !"true".equals(historyRestore)) {
            return "organization/users :: results";
        }
        return "organization/users";
    }

    @GetMapping("/new")
    String newUser(Model model, Locale locale) {
        model.addAttribute("form", new UserForm());
        return form(model, locale, true, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult result, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (form.getPassword() == null || form.getPassword().isEmpty()) {
            result.rejectValue("password", "NotBlank");
        }
        if (!result.hasErrors()) {
            try {
                UserAccount created = accounts.create(form.getUsername(), form.getDisplayName().strip(),
                        form.getOrganizationCode(), form.getRoles(), form.getPassword(), form.getEmail());
                redirect.addFlashAttribute("saved", created.username());
                return "redirect:/admin/users/" + created.username();
            }
            catch (InvalidInputException e) {
                AdminPageSupport.reject(result, e, List.of("username", "displayName", "organizationCode", "roles", "password", "email"));
            }
        }
        form.setPassword(null);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, locale, true, null);
    }

    @GetMapping("/{username}")
    String edit(@PathVariable String username, Model model, Locale locale) {
        UserAccount user = accounts.get(username);
        model.addAttribute("form", UserForm.of(user));
        return form(model, locale, false, user);
    }

    @PostMapping("/{username}")
    String update(@PathVariable String username, @Valid @ModelAttribute("form") UserForm form, BindingResult result,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UserAccount user = accounts.get(username);
        form.setUsername(user.username());
        if (!result.hasErrors()) {
            try {
                accounts.update(user.username(), form.getDisplayName().strip(), form.getOrganizationCode(), form.getRoles(),
                        form.isEnabled(), form.getVersion(), form.getEmail() == null ? "" : form.getEmail());
                redirect.addFlashAttribute("saved", user.username());
                return "redirect:/admin/users/" + user.username();
            }
            catch (InvalidInputException e) {
                AdminPageSupport.reject(result, e, List.of("displayName", "organizationCode", "roles", "email"));
            }
            catch (OptimisticLockingFailureException e) {
                model.addAttribute("conflict", true);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return form(model, locale, false, user);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, locale, false, user);
    }

    @PostMapping("/{username}/password")
    String resetPassword(@PathVariable String username, @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult result, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UserAccount user = accounts.get(username);
        if (!result.hasErrors()) {
            try {
                accounts.resetPassword(user.username(), form.getPassword());
                redirect.addFlashAttribute("passwordReset", true);
                return "redirect:/admin/users/" + user.username();
            }
            catch (InvalidInputException e) {
                AdminPageSupport.reject(result, e, List.of("password"));
            }
        }
        form.setPassword(null);
        model.addAttribute("form", UserForm.of(user));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, locale, false, user);
    }

    @PostMapping("/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        UserAccount user = accounts.get(username);
        accounts.unlock(user.username());
        redirect.addFlashAttribute("unlocked", true);
        return "redirect:/admin/users/" + user.username();
    }

    private String form(Model model, Locale locale, boolean creating, UserAccount user) {
        model.addAttribute("creating", creating);
        model.addAttribute("account", user);
        model.addAttribute("locked", user != null && user.lockedAt(clock.instant()));
        // 三员: only the security administrator ends lockouts
        model.addAttribute("securityAdmin", currentUsers.find().map(u -> u.has(Role.SECURITY_ADMIN)).orElse(false));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("organizationOptions", AdminPageSupport.Option.organizations(organizations.all(), locale));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm());
        }
        return "organization/user-form";
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        }
        catch (RuntimeException e) {
            return 0;
        }
    }

    /** One line of the user list. */
    record UserRow(UserAccount account, String organization, boolean locked) {
    }

    /** A page of users with the search that produced it. */
    record UserPage(List<UserRow> rows, int page, int size, long total, String q) {

        public int totalPages() {
            return (int) ((total + size - 1) / size);
        }

        public String url(int target) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/admin/users");
            if (q != null && !q.isBlank()) {
                b.queryParam("q", q);
            }
            return b.queryParam("page", target).encode().build().toUriString();
        }
    }
}
