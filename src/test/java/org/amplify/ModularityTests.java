package org.amplify;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of DESIGN.md section 2 hold, and their documentation is written. */
class ModularityTests {

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
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation().writeIndividualModulesAsPlantUml();
    }
}
