package org.amplify.accounts;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user may do. A user may hold several roles; an ADMIN may do everything the others may. */
public enum Role {
    EXPERT("Expert", "decomposes questions and judges model answers in workspaces"),
    ADMIN("Admin", "manages users, distillation rounds and models; may do everything an expert or researcher may"),
    RESEARCHER("Researcher", "exports datasets over the REST API (read-only)");

    private final String label;
    private final String description;

    Role(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Parses role names as a user or a script typed them (case does not matter).
     *
     * @throws AccountRejectedException naming the field {@code roles} for an unknown name
     */
    public static Set<Role> parseAll(Collection<String> names) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? Set.<String>of() : names) {
            String normalized = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
            Role role = Arrays.stream(values()).filter(r -> r.name().equals(normalized)).findFirst()
                    .orElseThrow(() -> new AccountRejectedException("roles", "unknown role '" + name
                            + "': must be one of " + Arrays.stream(values()).map(Role::name)
                                    .collect(Collectors.joining(", "))));
            roles.add(role);
        }
        return roles;
    }
}
