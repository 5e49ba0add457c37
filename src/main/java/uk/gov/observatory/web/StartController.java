package uk.gov.observatory.web;

import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the service. */
@PageController
public class StartController {

  @GetMapping("/")
  public String start() {
    return "start";
  }
}
