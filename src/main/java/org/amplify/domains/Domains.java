package org.amplify.domains;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** The algorithmic domains of the application, by name: the domains module's facade. */
@Service
public class Domains {

    private final Map<String, AlgorithmicDomain> byName = new TreeMap<>();

    public Domains(List<AlgorithmicDomain> domains) {
        for (AlgorithmicDomain domain : domains) {
            if (byName.put(domain.name(), domain) != null) {
                throw new IllegalStateException("two domains are named " + domain.name());
            }
        }
    }

    public List<AlgorithmicDomain> algorithmic() {
        return List.copyOf(byName.values());
    }

    public Optional<AlgorithmicDomain> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** @throws UnknownDomainException naming the known domains */
    public AlgorithmicDomain get(String name) {
        return find(name).orElseThrow(() -> new UnknownDomainException(name, byName.keySet()));
    }
}
