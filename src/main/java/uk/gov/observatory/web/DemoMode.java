package uk.gov.observatory.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the service runs as a demonstration ({@code serve --demo}, property {@code
 * observatory.demo=true}): every page then says, in its phase banner, that its data is synthetic.
 * The layout reads it as {@code @demoMode}, so error pages carry the banner too.
 *
 * <p>While the demonstration prepares its data and accounts (a few seconds after the server first
 * answers), it is <em>preparing</em>: every page says so, with how far it has got ({@link
 * DemoPreparingFilter}), instead of offering a sign-in no account can pass yet.
 */
@Component("demoMode")
public class DemoMode {

  private final boolean on;
  private volatile boolean preparing;
  private volatile String step = "Starting";
  private volatile double done;

  public DemoMode(
      @Value("${observatory.demo:false}") boolean on,
      @Value("${observatory.demo.load-at-start:true}") boolean loadsAtStart) {
    this.on = on;
    this.preparing = on && loadsAtStart;
  }

  public boolean isOn() {
    return on;
  }

  /** True until the demonstration's data and accounts exist. */
  public boolean isPreparing() {
    return preparing;
  }

  /** What the demonstration is doing now, for a person ("Storing notifications"). */
  public String step() {
    return step;
  }

  /** How far the preparation has got, from 0 to 1. */
  public double done() {
    return done;
  }

  /** Tells the pages what the preparation is doing and how far it has got (0 to 1). */
  public void preparing(String step, double done) {
    this.step = step;
    this.done = Math.max(0, Math.min(1, done));
  }

  /** The demonstration's data and accounts exist: pages work normally from now on. */
  public void ready() {
    this.done = 1;
    this.preparing = false;
  }
}
