package uk.gov.observatory.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers the pages bind from a path or a parameter ({@code /notify/child/2}, a challenge's
 * id) are ASCII digits with an optional minus sign. Spring's own reading goes through {@code
 * Integer.decode}, which also takes other scripts' digits ({@code ١} as 1), a plus sign and hex;
 * here anything else does not convert, which the pages answer with a 400.
 */
@ControllerAdvice(annotations = PageController.class)
public class StrictNumbers {

  @InitBinder
  public void wholeNumbers(WebDataBinder binder) {
    binder.registerCustomEditor(int.class, new Whole<>(Integer::valueOf, false));
    binder.registerCustomEditor(Integer.class, new Whole<>(Integer::valueOf, true));
    binder.registerCustomEditor(long.class, new Whole<>(Long::valueOf, false));
    binder.registerCustomEditor(Long.class, new Whole<>(Long::valueOf, true));
  }

  /** Reads a whole number from ASCII digits (blank is none, where none is allowed). */
  static final class Whole<N extends Number> extends PropertyEditorSupport {
    private final Function<String, N> parse;
    private final boolean noneAllowed;

    Whole(Function<String, N> parse, boolean noneAllowed) {
      this.parse = parse;
      this.noneAllowed = noneAllowed;
    }

    @Override
    public void setAsText(String text) {
      String t = text == null ? "" : text.strip();
      if (t.isEmpty() && noneAllowed) {
        setValue(null);
        return;
      }
      if (!t.matches("-?[0-9]{1,19}")) {
        throw new IllegalArgumentException("not a whole number in ASCII digits");
      }
      setValue(parse.apply(t)); // NumberFormatException (an IllegalArgumentException) if too big
    }
  }
}
