package org.amplify.distillation.internal;

import java.util.Locale;

/**
 * Whether a round promotes the version it registered, and why, in words for its page and the API.
 * Promotion needs auto-promotion asked for, a held-out accuracy of at least the minimum, and, when the
 * round has a parent measured on the same items, a better accuracy than the parent's.
 *
 * @param reason one sentence: "Promoted: 81.0 % beats its parent v3's 74.0 %."
 */
record PromotionDecision(boolean promote, String reason) {

    /**
     * @param accuracy the new version's held-out accuracy (null: no held-out transcripts)
     * @param parentAccuracy its parent's on the same items (null: no parent, or one a round cannot load)
     * @param parent the parent's short name ({@code v3}), null when there is none
     */
    static PromotionDecision decide(boolean autoPromote, Double accuracy, Double parentAccuracy, String parent,
            double minimum) {
        if (!autoPromote) {
            return new PromotionDecision(false, "Not promoted automatically: auto-promotion was off.");
        }
        if (accuracy == null) {
            return new PromotionDecision(false, "Not promoted: no held-out accuracy (no transcript was held out), so "
                    + "it cannot be shown to reach the minimum " + minimum(minimum) + ".");
        }
        if (accuracy < minimum) {
            return new PromotionDecision(false, "Not promoted: held-out accuracy " + percent(accuracy)
                    + " is below the minimum " + minimum(minimum) + ".");
        }
        if (parent == null) {
            return new PromotionDecision(true, "Promoted automatically: first model (no parent to beat), "
                    + percent(accuracy) + " ≥ the minimum " + minimum(minimum) + ".");
        }
        if (parentAccuracy == null) {
            return new PromotionDecision(true, "Promoted automatically: " + percent(accuracy) + " ≥ the minimum "
                    + minimum(minimum) + "; its parent " + parent + " could not be measured on the same items.");
        }
        if (accuracy > parentAccuracy) {
            return new PromotionDecision(true, "Promoted: " + percent(accuracy) + " beats its parent " + parent + "'s "
                    + percent(parentAccuracy) + ".");
        }
        return new PromotionDecision(false, "Not promoted: " + percent(accuracy) + " does not beat its parent "
                + parent + "'s " + percent(parentAccuracy) + ".");
    }

    /**
     * The same decision for a round that trains the student (the cascade's small model, while the
     * champion is an endpoint): on passing, its version becomes the {@code student}, not the champion,
     * and the reason says so.
     */
    PromotionDecision forStudent() {
        String said = reason.startsWith("Promoted") ? "Made the student" + reason.substring("Promoted".length())
                : reason.startsWith("Not promoted") ? "Not made the student" + reason.substring("Not promoted".length())
                : reason;
        return new PromotionDecision(promote, said.replace("auto-promotion was off.",
                "auto-promotion was off. The champion stays the endpoint."));
    }

    /** {@code 71.0 %}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** {@code 50 %}, {@code 62.5 %}: a setting, without a needless decimal. */
    static String minimum(double share) {
        String text = String.format(Locale.ROOT, "%.1f", share * 100);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " %";
    }
}
