package uk.gov.observatory;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(ObservatoryApplication.class);

  @Test
  @DisplayName(
      "modules use only each other's public types, never another module's internals, and form no cycle")
  void verifiesModuleBoundaries() {
    MODULES.verify();
  }

  @Test
  @DisplayName("the module map is drawn for the README")
  void drawsModuleMap() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
