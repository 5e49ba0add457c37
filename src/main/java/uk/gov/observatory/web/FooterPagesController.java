package uk.gov.observatory.web;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * The pages every GOV.UK service links from its footer: accessibility statement, privacy notice,
 * cookies and contact. Anyone may read them, signed in or not.
 */
@PageController
public class FooterPagesController {

  @GetMapping("/accessibility")
  public String accessibility() {
    return "footer/accessibility";
  }

  @GetMapping("/privacy")
  public String privacy() {
    return "footer/privacy";
  }

  @GetMapping("/cookies")
  public String cookies() {
    return "footer/cookies";
  }

  @GetMapping("/contact")
  public String contact() {
    return "footer/contact";
  }
}
