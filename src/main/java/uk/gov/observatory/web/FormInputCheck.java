package uk.gov.observatory.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.gov.observatory.reference.TextInput;

/**
 * One check over every parameter of every page (a form field or a query parameter, its name and
 * each of its values) before any controller sees it: a control character (U+0000 to U+001F except
 * tab, line feed and carriage return, and U+007F) is refused with {@link
 * RefusedCharacterException}, answered 400 on the service's error page naming the field. Nothing of
 * the request is kept or stored. The database cannot store NUL in text, and none of these
 * characters belongs in anything a person types.
 *
 * <p>An interceptor, so it runs after the security filters (a form without its CSRF token is
 * refused there first) and for the sign-in pages too. The JSON API has its own rules.
 */
public class FormInputCheck implements HandlerInterceptor {

  /**
   * The most characters any one field may hold, far beyond every field's own limit (a rapid
   * review's texts take 20,000), so that no page stores or shows back megabytes of text.
   */
  static final int MAX_VALUE = 100_000;

  /** At most this many characters of a field's name are shown back. */
  static final int NAME_SHOWN = 40;

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || !AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class)
        || request.getDispatcherType() != DispatcherType.REQUEST) {
      // static files and the error page: nothing is read from their parameters (and an error
      // page shown for a refused request must not be refused in turn)
      return true;
    }
    Map<String, String[]> parameters;
    try {
      parameters = request.getParameterMap();
    } catch (RequestRejectedException e) {
      // Spring Security's firewall refuses a control character in a name as it reads them
      throw new RefusedCharacterException(null);
    } catch (InvalidParameterException e) {
      // Tomcat could not decode a name or a value as UTF-8
      throw new RefusedCharacterException(undecodable(e), true);
    }
    for (Map.Entry<String, String[]> p : parameters.entrySet()) {
      String name = p.getKey();
      if (!TextInput.isAllowed(name)) {
        throw new RefusedCharacterException(null);
      }
      for (String value : p.getValue()) {
        if (value != null && !TextInput.isAllowed(value)) {
          throw new RefusedCharacterException(name);
        }
        if (value != null && value.length() > MAX_VALUE) {
          throw new TooLongException(name);
        }
      }
    }
    return true;
  }

  /**
   * The field whose text could not be decoded, from Tomcat's message when it names one plainly
   * (letters, digits, - and _), or null.
   */
  static String undecodable(InvalidParameterException e) {
    Matcher m = TOMCAT_PARAMETER.matcher(String.valueOf(e.getMessage()));
    return m.find() ? m.group(1) : null;
  }

  /**
   * A field's name as a person reads it: words rather than the form's code ({@code
   * agenciesInvolved} is "Agencies involved", {@code incident-day} "Incident day"), cut at {@link
   * #NAME_SHOWN} characters.
   */
  static String shown(String field) {
    String cut = field.length() > NAME_SHOWN ? field.substring(0, NAME_SHOWN) + "…" : field;
    String words =
        cut.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
            .replace('-', ' ')
            .replace('_', ' ')
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("\\bla\\b", "local authority")
            .strip();
    return words.isEmpty() ? cut : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static final Pattern TOMCAT_PARAMETER =
      Pattern.compile("Parameter \\[([A-Za-z0-9_-]{1,40})\\]");

  /**
   * A request with a refused character in a field (null: in a field's name, or a field not known),
   * or with text that is not UTF-8.
   */
  public static class RefusedCharacterException extends RuntimeException {
    private final String field;
    private final boolean notUtf8;

    RefusedCharacterException(String field) {
      this(field, false);
    }

    RefusedCharacterException(String field, boolean notUtf8) {
      super(
          (notUtf8 ? "text that is not UTF-8 in " : "a control character in ")
              + (field == null ? "a field's name" : "a field"));
      this.field = field;
      this.notUtf8 = notUtf8;
    }

    /** What the person is told: which field, and what to do. */
    public String message() {
      String which =
          field == null
              ? (notUtf8 ? "One of the fields sent" : "The name of one of the fields sent")
              : "The field “" + shown(field) + "”";
      if (notUtf8) {
        return which
            + " has text that could not be read: it is not UTF-8. Go back, retype it and send"
            + " the form again. Nothing was saved.";
      }
      return which
          + " has a character that is not allowed: a control character (such as NUL). Go back,"
          + " remove it (retype the text if you pasted it) and send the form again. Nothing was"
          + " saved.";
    }
  }

  /** A field longer than {@link #MAX_VALUE}. */
  public static class TooLongException extends RuntimeException {
    private final String field;

    TooLongException(String field) {
      super("a field longer than " + MAX_VALUE + " characters");
      this.field = field;
    }

    /** What the person is told: which field, and the limit. */
    public String message() {
      return "The field “"
          + shown(field)
          + "” is too long: no field takes more than "
          + String.format(java.util.Locale.UK, "%,d", MAX_VALUE)
          + " characters. Go back, shorten it and send the form again. Nothing was saved.";
    }
  }
}
