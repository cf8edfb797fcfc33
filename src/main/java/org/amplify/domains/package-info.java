/**
 * Domains: the Domain interface; the text domain and the five algorithmic domains (generator,
 * tokenizer, programmatic expert, ground-truth solver), one sub-package each.
 */
@ApplicationModule(displayName = "Domains", allowedDependencies = {})
package org.amplify.domains;

import org.springframework.modulith.ApplicationModule;
