package org.amplify.experiments.web;

import org.amplify.experiments.ExperimentRequest;
import org.amplify.experiments.Mode;

/**
 * The start form of the Experiments page, bound by Spring MVC: a blank field is absent (null), a
 * number that is not one is a type mismatch reported next to its field (messages.properties), and
 * the rules of a run are checked by {@link StartFormValidator}.
 */
public class StartForm {

    private String domain;
    private String mode = "IA";
    private Integer size;
    private Integer steps = 2000;
    private Integer batch = 64;
    private Long seed;
    private Integer evaluateEvery;
    private Double expertErrorRate;
    private Double askerLearningRate;
    private Long expertCallBudget;
    private Double curriculumThreshold;
    private Integer curriculumWindow;
    private Integer maxSize;
    /** The "IA and SL side by side" button: two experiments with the same settings and seed. */
    private boolean sideBySide;

    static StartForm forDomain(String domain, int size) {
        StartForm form = new StartForm();
        form.domain = domain;
        form.size = size;
        return form;
    }

    ExperimentRequest toRequest() {
        return new ExperimentRequest(domain, mode, size, steps, batch, seed, null, evaluateEvery, expertErrorRate,
                askerLearningRate, expertCallBudget, null, curriculumThreshold, null, curriculumWindow, maxSize);
    }

    /** The request as the service checks it: side by side, the IA one (the SL one takes the same settings). */
    ExperimentRequest toCheckedRequest() {
        return sideBySide ? toRequest().withMode(Mode.IA) : toRequest();
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

    public Integer getSize() {
        return size;
    }

    public void setSize(Integer size) {
        this.size = size;
    }

    public Integer getSteps() {
        return steps;
    }

    public void setSteps(Integer steps) {
        this.steps = steps;
    }

    public Integer getBatch() {
        return batch;
    }

    public void setBatch(Integer batch) {
        this.batch = batch;
    }

    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    public Integer getEvaluateEvery() {
        return evaluateEvery;
    }

    public void setEvaluateEvery(Integer evaluateEvery) {
        this.evaluateEvery = evaluateEvery;
    }

    public Double getExpertErrorRate() {
        return expertErrorRate;
    }

    public void setExpertErrorRate(Double expertErrorRate) {
        this.expertErrorRate = expertErrorRate;
    }

    public Double getAskerLearningRate() {
        return askerLearningRate;
    }

    public void setAskerLearningRate(Double askerLearningRate) {
        this.askerLearningRate = askerLearningRate;
    }

    public Long getExpertCallBudget() {
        return expertCallBudget;
    }

    public void setExpertCallBudget(Long expertCallBudget) {
        this.expertCallBudget = expertCallBudget;
    }

    public Double getCurriculumThreshold() {
        return curriculumThreshold;
    }

    public void setCurriculumThreshold(Double curriculumThreshold) {
        this.curriculumThreshold = curriculumThreshold;
    }

    public Integer getCurriculumWindow() {
        return curriculumWindow;
    }

    public void setCurriculumWindow(Integer curriculumWindow) {
        this.curriculumWindow = curriculumWindow;
    }

    public Integer getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(Integer maxSize) {
        this.maxSize = maxSize;
    }

    public boolean isSideBySide() {
        return sideBySide;
    }

    public void setSideBySide(boolean sideBySide) {
        this.sideBySide = sideBySide;
    }
}
