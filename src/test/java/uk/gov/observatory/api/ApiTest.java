package uk.gov.observatory.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import uk.gov.observatory.support.RegisterTest;

/**
 * A test of the JSON API through MockMvc on the whole application and real PostgreSQL. Every API
 * test class uses exactly this, so they share one Spring context (and one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RegisterTest
@AutoConfigureMockMvc
@Import({FailingEndpoint.class, ApiCaller.Config.class})
@ExtendWith(ApiCaller.class)
@interface ApiTest {}
