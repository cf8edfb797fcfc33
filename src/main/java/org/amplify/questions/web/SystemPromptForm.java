package org.amplify.questions.web;

import jakarta.validation.constraints.Size;

/** The tree page's form for the system prompt its endpoint copies get (blank: the default one). */
record SystemPromptForm(
        @Size(max = 4000, message = "must be at most 4000 characters long") String systemPrompt) {
}
