package cn.jl.govit.organization.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.InvalidInputException;

/**
 * Every user's own change of password. A session whose password passed its maximum age is sent here and
 * reaches nothing else until the change is made (see the account state filter of the security configuration).
 */
@Controller
@RequestMapping("/account/password")
class AccountPasswordPageController {

    private final UserAccounts accounts;
    private final CurrentUsers users;

    AccountPasswordPageController(UserAccounts accounts, CurrentUsers users) {
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return page(model);
    }

    @PostMapping
    String change(@ModelAttribute("form") PasswordChangeForm form, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            accounts.changePassword(users.current().username(), form.getCurrentPassword(), form.getNewPassword());
            redirect.addFlashAttribute("changed", true);
            return "redirect:/account/password";
        }
        catch (InvalidInputException e) {
            AdminPageSupport.reject(result, e, List.of("currentPassword", "newPassword"));
        }
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("expired", accounts.passwordExpired(users.current().username()));
        return "organization/password";
    }

    /** The form's fields; the passwords are never echoed back. */
    public static class PasswordChangeForm {

        private String currentPassword;
        private String newPassword;

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }
}
