package org.amplify.accounts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.amplify.accounts.ApiTokenService;

record TokenForm(
        @NotBlank(message = "is required")
        @Size(max = ApiTokenService.MAX_NAME_LENGTH, message = "must be at most 100 characters long")
        String name) {

    static TokenForm empty() {
        return new TokenForm("");
    }
}
