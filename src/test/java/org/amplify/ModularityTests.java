package org.amplify;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of DESIGN.md section 2 hold, and their documentation is written. */
class ModularityTests {

    /**
     * DESIGN.md section 2's arrows ("may use"), every module's to accounts included: what each
     * module's {@code package-info.java} declares, and exactly what its code uses.
     */
    private static final Map<String, Set<String>> DESIGN_ARROWS = Map.of(
            "accounts", Set.of(),
            "domains", Set.of(),
            "questions", Set.of("accounts", "domains"),
            "models", Set.of("accounts", "domains"),
            "amplification", Set.of("accounts", "questions", "models", "domains"),
            "distillation", Set.of("accounts", "questions", "models", "domains"),
            "experiments", Set.of("accounts", "amplification", "models", "domains"),
            "datasets", Set.of("accounts", "questions"),
            "web", Set.of("accounts"));

    private final ApplicationModules modules = ApplicationModules.of(AmplifyApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheDesignExists() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("accounts", "domains", "questions", "models", "amplification", "distillation",
                        "experiments", "datasets", "web");
    }

    @Test
    void everyModuleDeclaresTheDependenciesOfTheDesign() throws ClassNotFoundException {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (var module : modules) {
            ApplicationModule annotation = Class.forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(ApplicationModule.class);
            assertThat(annotation).as("@ApplicationModule of %s", module.getIdentifier()).isNotNull();
            declared.put(module.getIdentifier().toString(), Set.of(annotation.allowedDependencies()));
        }
        assertThat(declared).isEqualTo(new TreeMap<>(DESIGN_ARROWS));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
