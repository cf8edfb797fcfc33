package org.amplify.domains;

/** No domain has the given name. */
public class UnknownDomainException extends RuntimeException {

    public UnknownDomainException(String name, Iterable<String> known) {
        super("unknown domain '" + name + "': must be one of " + String.join(", ", known));
    }
}
