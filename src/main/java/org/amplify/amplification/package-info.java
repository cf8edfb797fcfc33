/**
 * Amplification: Amplify^H(X). H decomposes, copies of X answer, H combines; disagreement goes to
 * people; answers are memoized; transcripts are recorded. Also the human predictor H'.
 */
@ApplicationModule(displayName = "Amplification", allowedDependencies = {"accounts", "questions", "models", "domains"})
package org.amplify.amplification;

import org.springframework.modulith.ApplicationModule;
