package org.amplify.accounts.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.amplify.accounts.Account;
import org.amplify.accounts.AccountPrincipal;
import org.amplify.accounts.AccountRejectedException;
import org.amplify.accounts.AccountService;
import org.amplify.accounts.NewAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over the API: who am I, and (admins) the users. */
@RestController
@RequestMapping("/api/v1")
class AccountApiController {

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The caller: a script checks its token with this. */
    @GetMapping("/me")
    AccountResponse me(@AuthenticationPrincipal AccountPrincipal me) {
        return AccountResponse.of(accounts.get(me.id()));
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountResponse> users() {
        return accounts.list().stream().map(AccountResponse::of).toList();
    }

    @GetMapping("/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    AccountResponse user(@PathVariable long id) {
        return AccountResponse.of(accounts.get(id));
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<AccountResponse> create(@Valid @RequestBody NewAccount request) {
        Account created = accounts.create(request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(AccountResponse.of(created));
    }

    @ExceptionHandler(AccountRejectedException.class)
    ProblemDetail rejected(AccountRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                e.field() + ": " + e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return problem;
    }

    record FieldProblem(String field, String message) {}
}
