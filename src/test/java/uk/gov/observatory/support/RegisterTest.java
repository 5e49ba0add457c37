package uk.gov.observatory.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application on real PostgreSQL (embedded by default, external when
 * spring.datasource.url is set), with a fixed clock and an empty register before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@Import(TestClock.class)
@ExtendWith(EmptyRegister.class)
public @interface RegisterTest {}
