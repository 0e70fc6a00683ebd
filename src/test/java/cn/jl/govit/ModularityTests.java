package cn.jl.govit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to the dependencies their {@code package-info.java} allows, reach into no other module's
 * internals and form no cycle; their diagrams and canvases are written to {@code docs/modules}.
 */
class ModularityTests {

    /** Production classes only, whatever the build directory is called ({@code -Dbuild.dir}). */
    static final ApplicationModules modules = ApplicationModules.of(GovItApplication.class,
            (ImportOption) location -> !location.contains("/test-classes/"));

    @Test
    void modulesKeepTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void everyLifecycleModuleOfTheFoundationIsDetected() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("rulebook", "audit", "organization", "project");
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();

        Path folder = Path.of("docs/modules");
        sortRelations(folder);
        assertThat(folder.resolve("components.puml")).exists();
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("module-project.puml", "module-project.adoc", "module-audit.puml")
                    .noneMatch(name -> name.contains("support"));
        }
    }

    /**
     * The Documenter writes a diagram's relations in no fixed order; sorting each run of {@code Rel(} lines
     * keeps the committed files unchanged until the modules themselves change.
     */
    private static void sortRelations(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                java.util.List<String> lines = Files.readAllLines(file);
                java.util.List<String> sorted = new java.util.ArrayList<>();
                java.util.List<String> run = new java.util.ArrayList<>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        run.add(line);
                        continue;
                    }
                    run.sort(null);
                    sorted.addAll(run);
                    run.clear();
                    sorted.add(line);
                }
                run.sort(null);
                sorted.addAll(run);
                Files.write(file, sorted);
            }
        }
    }
}
