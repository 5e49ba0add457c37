package uk.gov.observatory.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the service. */
@Controller
public class StartController {

  @GetMapping("/")
  public String start() {
    return "start";
  }
}
