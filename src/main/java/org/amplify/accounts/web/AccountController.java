package org.amplify.accounts.web;

import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.accounts.AccountRejectedException;
import org.amplify.accounts.AccountService;
import org.amplify.accounts.ApiTokenService;
import org.amplify.accounts.IssuedApiToken;
import org.amplify.accounts.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's own account: who they are, their password, and (researchers, admins) their API tokens. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final ApiTokenService tokens;

    AccountController(AccountService accounts, ApiTokenService tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal AccountPrincipal me, Model model) {
        return page(me, model, PasswordChangeForm.empty(), TokenForm.empty());
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpSession session) {
        if (!form.confirmed()) {
            binding.rejectValue("confirmPassword", "mismatch", "does not match the new password");
        }
        if (!binding.hasErrors()) {
            try {
                accounts.changeOwnPassword(me.id(), form.currentPassword(), form.newPassword(), session.getId());
                redirect.addFlashAttribute("success", "Your password was changed.");
                return "redirect:/account";
            } catch (AccountRejectedException e) {
                binding.rejectValue(e.field(), "rejected", e.getMessage());
            }
        }
        return page(me, model, form, TokenForm.empty());
    }

    @PostMapping("/account/tokens")
    @PreAuthorize("hasRole('RESEARCHER')")
    String createToken(@AuthenticationPrincipal AccountPrincipal me,
            @Valid @ModelAttribute("tokenForm") TokenForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                // shown in this response only: a redirect would keep the secret in the session, which
                // lives in the database
                IssuedApiToken issued = tokens.issue(me.id(), form.name());
                model.addAttribute("issuedToken", issued);
                response.setHeader("Cache-Control", "no-store");
                return page(me, model, PasswordChangeForm.empty(), TokenForm.empty());
            } catch (AccountRejectedException e) {
                binding.rejectValue(e.field(), "rejected", e.getMessage());
            }
        }
        return page(me, model, PasswordChangeForm.empty(), form);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    @PreAuthorize("hasRole('RESEARCHER')")
    String revokeToken(@AuthenticationPrincipal AccountPrincipal me, @PathVariable long id,
            RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("success", "The token was revoked: it no longer authenticates.");
        return "redirect:/account";
    }

    private String page(AccountPrincipal me, Model model, PasswordChangeForm passwordForm, TokenForm tokenForm) {
        var account = accounts.get(me.id());
        model.addAttribute("account", account);
        model.addAttribute("roles", Role.values());
        model.addAttribute("canUseApi", account.hasRole(Role.RESEARCHER));
        // the address the app is served at (behind a proxy, as forwarded: server.forward-headers-strategy)
        model.addAttribute("baseUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                .fromCurrentContextPath().build().toUriString());
        model.addAttribute("tokens", tokens.tokensOf(me.id()));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", passwordForm);
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", tokenForm);
        }
        return "accounts/account";
    }
}
