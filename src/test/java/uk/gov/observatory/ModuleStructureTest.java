package uk.gov.observatory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries in Java: each module declares in its {@code package-info.java} the
 * modules it may depend on ({@code @ApplicationModule(allowedDependencies = ...)}), and {@link
 * ApplicationModules#verify()} fails on any other dependency, on a reach into another module's
 * {@code internal} package, and on a cycle. The README's module map is drawn from the same graph.
 * (Their SQL is checked by {@code SqlBoundaryTest}.)
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ObservatoryApplication.class);

  static final Path README = Path.of("README.md");
  static final String MAP_START = "<!-- module-map:start (written by ModuleStructureTest) -->";
  static final String MAP_END = "<!-- module-map:end -->";

  @Test
  @DisplayName(
      "modules use only each other's public types and the modules they declare, never another"
          + " module's internals, and form no cycle")
  void verifiesModuleBoundaries() {
    MODULES.verify();
  }

  @Test
  @DisplayName("every module declares the modules it may depend on (none is left open)")
  void everyModuleDeclaresItsDependencies() throws ClassNotFoundException {
    List<String> open = new ArrayList<>();
    for (ApplicationModule module : MODULES) {
      String packageInfo = module.getBasePackage().getName() + ".package-info";
      org.springframework.modulith.ApplicationModule declared =
          Class.forName(packageInfo)
              .getAnnotation(org.springframework.modulith.ApplicationModule.class);
      if (declared == null
          || Arrays.asList(declared.allowedDependencies())
              .contains(org.springframework.modulith.ApplicationModule.OPEN_TOKEN)) {
        open.add(module.getIdentifier().toString());
      }
    }
    assertThat(open)
        .as("modules without @ApplicationModule(allowedDependencies = ...) in package-info.java")
        .isEmpty();
  }

  @Test
  @DisplayName(
      "each module declares exactly the modules it depends on, in Java or through SQL (none stale)")
  void declaredDependenciesAreTheActualOnes() throws IOException {
    Map<String, Set<String>> declared = SqlBoundaryTest.allowedDependencies();
    Map<String, Set<String>> sql = SqlBoundaryTest.sqlDependencies();
    List<String> differ = new ArrayList<>();
    dependencies()
        .forEach(
            (module, java) -> {
              TreeSet<String> actual = new TreeSet<>(java);
              actual.addAll(sql.getOrDefault(module, Set.of()));
              if (!actual.equals(new TreeSet<>(declared.getOrDefault(module, Set.of())))) {
                differ.add(
                    module
                        + "/package-info.java: @ApplicationModule(allowedDependencies = {"
                        + String.join(", ", actual.stream().map(m -> '"' + m + '"').toList())
                        + "})");
              }
            });
    assertThat(differ)
        .as(
            "modules whose declared dependencies differ from what their Java and SQL use; the"
                + " declarations that match the code")
        .isEmpty();
  }

  /** Each module's name and the modules it depends on (its Java types use theirs), by name. */
  static Map<String, TreeSet<String>> dependencies() {
    Map<String, TreeSet<String>> graph = new TreeMap<>();
    for (ApplicationModule module : MODULES) {
      TreeSet<String> targets = new TreeSet<>();
      module
          .getDirectDependencies(MODULES)
          .uniqueModules()
          .forEach(target -> targets.add(target.getIdentifier().toString()));
      graph.put(module.getIdentifier().toString(), targets);
    }
    return graph;
  }

  /**
   * The README's module map: a mermaid flowchart of {@link #dependencies()} (solid arrows), and of
   * the dependencies through SQL alone ({@link SqlBoundaryTest#sqlDependencies()}, dotted).
   */
  static String mermaidMap() throws IOException {
    Map<String, Set<String>> sql = SqlBoundaryTest.sqlDependencies();
    StringBuilder map = new StringBuilder("```mermaid\nflowchart LR\n");
    dependencies()
        .forEach(
            (module, java) -> {
              TreeSet<String> targets = new TreeSet<>(java);
              targets.addAll(sql.getOrDefault(module, Set.of()));
              if (targets.isEmpty()) {
                map.append("  ").append(module).append('\n');
              }
              targets.forEach(
                  target ->
                      map.append("  ")
                          .append(module)
                          .append(java.contains(target) ? " --> " : " -. SQL .-> ")
                          .append(target)
                          .append('\n'));
            });
    return map.append("```\n").toString();
  }

  @Test
  @DisplayName(
      "the README's module map is the modules' dependency graph (rewrite it with"
          + " -Dmodulemap.write=true)")
  void readmeModuleMapMatchesTheCode() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf(MAP_START);
    int end = readme.indexOf(MAP_END);
    assertThat(start).as("README.md has the marker " + MAP_START).isNotNegative();
    assertThat(end).as("README.md has the marker " + MAP_END).isGreaterThan(start);
    String current = readme.substring(start + MAP_START.length() + 1, end);
    String generated = mermaidMap();
    if (Boolean.getBoolean("modulemap.write") && !current.equals(generated)) {
      Files.writeString(
          README,
          readme.substring(0, start + MAP_START.length() + 1) + generated + readme.substring(end),
          StandardCharsets.UTF_8);
      return;
    }
    assertThat(current)
        .as(
            "README.md's module map (between the module-map markers) differs from the code. Run"
                + " `mvn -o -q test -Dtest=ModuleStructureTest -Dmodulemap.write=true` to rewrite"
                + " it, or paste:\n"
                + generated)
        .isEqualTo(generated);
  }

  @Test
  @DisplayName("the PlantUML module map is written to target/spring-modulith-docs")
  void drawsModuleMap() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
