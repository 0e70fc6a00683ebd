package cn.jl.govit.organization.web;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.jl.govit.organization.CurrentUsers;

/**
 * The sign-in page of the form login. A failed sign-in reads the same whatever went wrong (unknown user,
 * wrong password, locked or disabled account); the demo accounts are named only in the {@code demo} profile.
 */
@Controller
class LoginPageController {

    private final Environment environment;
    private final CurrentUsers users;

    LoginPageController(Environment environment, CurrentUsers users) {
        this.environment = environment;
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model) {
        if (users.find().isPresent()) {
            return "redirect:/";
        }
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        return "organization/login";
    }
}
