package org.amplify.experiments.web;

import java.util.Map;
import org.amplify.experiments.ExperimentRequest;

/**
 * The start form of the Experiments page, as typed: text, so that a number that is not one is
 * reported next to its field like every other mistake.
 */
public class StartForm {

    private String domain;
    private String mode = "IA";
    private String size;
    private String steps = "2000";
    private String batch = "64";
    private String seed;
    private String evaluateEvery;
    private String expertErrorRate;
    private String askerLearningRate;
    private String expertCallBudget;
    private String curriculumThreshold;
    private String curriculumWindow;
    private String maxSize;

    static StartForm forDomain(String domain, int size) {
        StartForm form = new StartForm();
        form.domain = domain;
        form.size = Integer.toString(size);
        return form;
    }

    /** The request, with every number that does not parse reported in {@code errors} by field. */
    ExperimentRequest toRequest(Map<String, String> errors) {
        return new ExperimentRequest(domain, mode, FormNumbers.integer("size", size, errors),
                FormNumbers.integer("steps", steps, errors), FormNumbers.integer("batch", batch, errors),
                FormNumbers.whole("seed", seed, errors), null,
                FormNumbers.integer("evaluateEvery", evaluateEvery, errors),
                FormNumbers.decimal("expertErrorRate", expertErrorRate, errors),
                FormNumbers.decimal("askerLearningRate", askerLearningRate, errors),
                FormNumbers.whole("expertCallBudget", expertCallBudget, errors), null,
                FormNumbers.decimal("curriculumThreshold", curriculumThreshold, errors), null,
                FormNumbers.integer("curriculumWindow", curriculumWindow, errors),
                FormNumbers.integer("maxSize", maxSize, errors));
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getSize() {
        return size;
    }

    public void setSize(String size) {
        this.size = size;
    }

    public String getSteps() {
        return steps;
    }

    public void setSteps(String steps) {
        this.steps = steps;
    }

    public String getBatch() {
        return batch;
    }

    public void setBatch(String batch) {
        this.batch = batch;
    }

    public String getSeed() {
        return seed;
    }

    public void setSeed(String seed) {
        this.seed = seed;
    }

    public String getEvaluateEvery() {
        return evaluateEvery;
    }

    public void setEvaluateEvery(String evaluateEvery) {
        this.evaluateEvery = evaluateEvery;
    }

    public String getExpertErrorRate() {
        return expertErrorRate;
    }

    public void setExpertErrorRate(String expertErrorRate) {
        this.expertErrorRate = expertErrorRate;
    }

    public String getAskerLearningRate() {
        return askerLearningRate;
    }

    public void setAskerLearningRate(String askerLearningRate) {
        this.askerLearningRate = askerLearningRate;
    }

    public String getExpertCallBudget() {
        return expertCallBudget;
    }

    public void setExpertCallBudget(String expertCallBudget) {
        this.expertCallBudget = expertCallBudget;
    }

    public String getCurriculumThreshold() {
        return curriculumThreshold;
    }

    public void setCurriculumThreshold(String curriculumThreshold) {
        this.curriculumThreshold = curriculumThreshold;
    }

    public String getCurriculumWindow() {
        return curriculumWindow;
    }

    public void setCurriculumWindow(String curriculumWindow) {
        this.curriculumWindow = curriculumWindow;
    }

    public String getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(String maxSize) {
        this.maxSize = maxSize;
    }
}
