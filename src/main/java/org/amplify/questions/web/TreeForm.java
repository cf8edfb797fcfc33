package org.amplify.questions.web;

import java.util.Map;
import org.amplify.questions.NewTree;

/** The create-a-tree form: text fields, parsed here so that a typo is a message on its field. */
public class TreeForm {

    private String domain = "text";
    private String question = "";
    private String context = "";
    private String size = "";
    private String seed = "";
    private String modelCallBudget = "";
    private String workspaceBudget = "";
    private String depthLimit = "";
    private String expertsPerQuestion = "";

    NewTree toRequest(Map<String, String> errors) {
        return new NewTree(domain, question, context, number("size", size, errors),
                seed.isBlank() ? null : longNumber("seed", seed, errors), number("modelCallBudget", modelCallBudget,
                errors), number("workspaceBudget", workspaceBudget, errors), number("depthLimit", depthLimit, errors),
                number("expertsPerQuestion", expertsPerQuestion, errors));
    }

    private static Integer number(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    private static Long longNumber(String field, String text, Map<String, String> errors) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    public String getDomain() { return domain; }
    public void setDomain(String domain) { this.domain = domain; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
    public String getSeed() { return seed; }
    public void setSeed(String seed) { this.seed = seed; }
    public String getModelCallBudget() { return modelCallBudget; }
    public void setModelCallBudget(String value) { this.modelCallBudget = value; }
    public String getWorkspaceBudget() { return workspaceBudget; }
    public void setWorkspaceBudget(String value) { this.workspaceBudget = value; }
    public String getDepthLimit() { return depthLimit; }
    public void setDepthLimit(String value) { this.depthLimit = value; }
    public String getExpertsPerQuestion() { return expertsPerQuestion; }
    public void setExpertsPerQuestion(String value) { this.expertsPerQuestion = value; }
}
