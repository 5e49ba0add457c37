package uk.gov.observatory.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the JSON API, in whichever module owns the records it serves. Every error of
 * every one of them is answered as a problem by {@link ApiExceptionHandler} (and by the module's
 * own advice for its own exceptions), never as an HTML page.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface ApiController {}
