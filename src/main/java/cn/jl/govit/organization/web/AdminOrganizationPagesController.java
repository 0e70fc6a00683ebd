package cn.jl.govit.organization.web;

import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.organization.web.AdminForms.OrganizationForm;
import cn.jl.govit.rulebook.InvalidInputException;

/** The administrator's organisation pages (the path is restricted to the administrator). */
@Controller
@RequestMapping("/admin/organizations")
class AdminOrganizationPagesController {

    private final Organizations organizations;

    AdminOrganizationPagesController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("organizations", organizations.all());
        return "organization/organizations";
    }

    @GetMapping("/new")
    String newOrganization(Model model) {
        model.addAttribute("form", new OrganizationForm());
        return form(model, true);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                var created = organizations.create(form.getCode(), form.getNameZh().strip(), strip(form.getNameEn()),
                        form.getKind(), form.getDutyArea());
                redirect.addFlashAttribute("saved", created.code());
                return "redirect:/admin/organizations";
            }
            catch (InvalidInputException e) {
                AdminPageSupport.reject(result, e, List.of("code", "nameZh", "nameEn", "kind", "dutyArea"));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, true);
    }

    @GetMapping("/{code}/edit")
    String edit(@PathVariable String code, Model model) {
        model.addAttribute("form", OrganizationForm.of(organizations.get(code)));
        return form(model, false);
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult result,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var current = organizations.get(code);
        form.setCode(current.code());
        form.setKind(current.kind());
        if (!result.hasErrors()) {
            try {
                organizations.update(current.code(), form.getNameZh().strip(), strip(form.getNameEn()), form.getDutyArea(),
                        form.isActive(), form.getVersion());
                redirect.addFlashAttribute("saved", current.code());
                return "redirect:/admin/organizations";
            }
            catch (InvalidInputException e) {
                AdminPageSupport.reject(result, e, List.of("nameZh", "nameEn", "dutyArea"));
            }
            catch (OptimisticLockingFailureException e) {
                model.addAttribute("conflict", true);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return form(model, false);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, false);
    }

    private String form(Model model, boolean creating) {
        model.addAttribute("creating", creating);
        model.addAttribute("kinds", OrganizationKind.values());
        return "organization/organization-form";
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
