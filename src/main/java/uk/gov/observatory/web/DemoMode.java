package uk.gov.observatory.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the service runs as a demonstration ({@code serve --demo}, property {@code
 * observatory.demo=true}): every page then says, in its phase banner, that its data is synthetic.
 * The layout reads it as {@code @demoMode}, so error pages carry the banner too.
 */
@Component("demoMode")
public class DemoMode {

  private final boolean on;

  public DemoMode(@Value("${observatory.demo:false}") boolean on) {
    this.on = on;
  }

  public boolean isOn() {
    return on;
  }
}
