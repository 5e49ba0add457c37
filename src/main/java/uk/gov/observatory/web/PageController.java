package uk.gov.observatory.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of the service's pages (HTML, not the JSON API), in whichever module owns the
 * records it shows. The shell's advice applies to every one of them, and to nothing else: the error
 * pages ({@link WebErrorAdvice}), who is signed in ({@link SignedInAdvice}), whole numbers in ASCII
 * digits ({@link StrictNumbers}) and the check of every field ({@link FormInputCheck}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {}
