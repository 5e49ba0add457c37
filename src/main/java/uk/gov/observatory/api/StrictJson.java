package uk.gov.observatory.api;

import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigInteger;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import uk.gov.observatory.reference.TextInput;

/**
 * How the API reads JSON: strictly, in one place, for every request body.
 *
 * <ul>
 *   <li>A text field takes only a JSON string (never {@code true}, {@code 12} or {@code 1e+308}),
 *       without control characters: U+0000 to U+001F other than tab, line feed and carriage return,
 *       and U+007F to U+009F, are refused (PostgreSQL cannot store NUL, and none belongs in a
 *       record).
 *   <li>A field the data standard lets be "a number or a string" ({@link NumberOrText}) also takes
 *       a whole JSON number of at most 9 digits.
 *   <li>A boolean takes only {@code true} or {@code false}; a whole number only a JSON integer.
 *   <li>An array may not hold {@code null}.
 *   <li>A property may be given only once.
 * </ul>
 *
 * Each refusal is a 400 problem naming the field (and the array position, counted from 1).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

  static final String NOT_A_STRING = "must be a string";
  static final String CONTROL_CHARACTERS = TextInput.RULE;
  static final String NOT_A_WHOLE_NUMBER = "must be a whole number of at most 9 digits or a string";

  @Bean
  JsonMapperBuilderCustomizer strictApiJson() {
    return builder ->
        builder
            .addModule(
                new SimpleModule("observatory-strict-text")
                    .addDeserializer(String.class, new Text()))
            // A property given twice is refused, not settled by whichever comes last.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
            .withCoercionConfig(
                LogicalType.Boolean,
                c ->
                    c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .withCoercionConfig(
                LogicalType.Integer,
                c ->
                    c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
  }

  /** A refusal with its reason, for the problem's errors entry (the path is added by Jackson). */
  static final class Refused extends MismatchedInputException {
    private final String reason;

    Refused(JsonParser p, String reason) {
      super(p, reason, String.class);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }

  static String checked(JsonParser p, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (TextInput.isRefused(text.charAt(i))) {
        throw new Refused(p, CONTROL_CHARACTERS);
      }
    }
    return text;
  }

  /** Text: a JSON string only, without control characters. */
  static final class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return checked(p, p.getString());
      }
      throw new Refused(p, NOT_A_STRING);
    }
  }

  /**
   * A value the standard lets be "a number or a string" (imd_decile, age_years, child_seq): a
   * string (checked as text) or a whole JSON number of at most 9 digits, taken as its decimal text.
   */
  public static final class NumberOrText extends StdScalarDeserializer<String> {
    private static final BigInteger LIMIT = BigInteger.valueOf(999_999_999L);

    public NumberOrText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) {
        return checked(p, p.getString());
      }
      if (t == JsonToken.VALUE_NUMBER_INT) {
        BigInteger n = p.getBigIntegerValue();
        if (n.abs().compareTo(LIMIT) <= 0) {
          return n.toString();
        }
      }
      throw new Refused(p, NOT_A_WHOLE_NUMBER);
    }
  }
}
