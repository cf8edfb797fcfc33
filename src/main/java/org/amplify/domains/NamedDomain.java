package org.amplify.domains;

/** An algorithmic domain's name and its description for people, each given once, to the constructor. */
public abstract class NamedDomain implements AlgorithmicDomain {

    private final String name;
    private final String description;

    protected NamedDomain(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }
}
