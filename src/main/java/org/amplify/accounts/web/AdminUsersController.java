package org.amplify.accounts.web;

import jakarta.validation.Valid;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.amplify.accounts.Account;
import org.amplify.accounts.AccountChangedMeanwhileException;
import org.amplify.accounts.AccountRejectedException;
import org.amplify.accounts.AccountService;
import org.amplify.accounts.NewAccount;
import org.amplify.accounts.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's user pages: list and create users, change roles, disable, reset a password. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final AccountService accounts;

    AdminUsersController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        return listPage(model, new NewAccount("", "", "", Set.of(Role.EXPERT.name())));
    }

    @PostMapping
    String create(@Valid @ModelAttribute("newUser") NewAccount newUser, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                Account created = accounts.create(newUser);
                redirect.addFlashAttribute("success", "User " + created.username() + " was created with the roles "
                        + created.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")) + ".");
                return "redirect:/admin/users";
            } catch (AccountRejectedException e) {
                binding.rejectValue(e.field(), "rejected", e.getMessage());
            }
        }
        return listPage(model, newUser);
    }

    @GetMapping("/{id}")
    String user(@PathVariable long id, Model model) {
        return userPage(model, accounts.get(id), null, ResetPasswordForm.empty());
    }

    @PostMapping("/{id}/roles")
    String changeRoles(@PathVariable long id, @ModelAttribute RolesForm form, Model model,
            RedirectAttributes redirect) {
        return edit(id, model, redirect, () -> {
            Account changed = accounts.changeRoles(id, form.roles() == null ? Set.of() : form.roles(), form.version());
            return "The roles of " + changed.username() + " were saved.";
        });
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, @RequestParam long version, Model model,
            RedirectAttributes redirect) {
        return edit(id, model, redirect, () -> {
            Account changed = accounts.setEnabled(id, enabled, version);
            return changed.username() + (enabled
                    ? " can sign in again." : " is disabled: they can no longer sign in or use their API tokens.");
        });
    }

    /**
     * Applies an edit and redirects with its message; a refused or conflicting edit shows the user's
     * page again with the reason (and, for a conflict, the user as it is now).
     */
    private String edit(long id, Model model, RedirectAttributes redirect, Supplier<String> change) {
        try {
            redirect.addFlashAttribute("success", change.get());
            return "redirect:/admin/users/" + id;
        } catch (AccountRejectedException e) {
            return userPage(model, accounts.get(id), e.getMessage(), ResetPasswordForm.empty());
        } catch (AccountChangedMeanwhileException e) {
            return userPage(model, e.current(), e.getMessage(), ResetPasswordForm.empty());
        }
    }

    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("resetForm") ResetPasswordForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        if (!binding.hasErrors()) {
            try {
                accounts.resetPassword(id, form.password());
                redirect.addFlashAttribute("success", "The password of " + account.username() + " was reset.");
                return "redirect:/admin/users/" + id;
            } catch (AccountRejectedException e) {
                binding.rejectValue(e.field(), "rejected", e.getMessage());
            }
        }
        return userPage(model, account, null, form);
    }

    private String listPage(Model model, NewAccount form) {
        model.addAttribute("users", accounts.list());
        model.addAttribute("roles", Role.values());
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", form);
        }
        return "accounts/users";
    }

    private String userPage(Model model, Account account, String error, ResetPasswordForm resetForm) {
        model.addAttribute("user", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("error", error);
        if (!model.containsAttribute("resetForm")) {
            model.addAttribute("resetForm", resetForm);
        }
        return "accounts/user";
    }
}
