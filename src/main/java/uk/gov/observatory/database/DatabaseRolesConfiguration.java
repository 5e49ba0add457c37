package uk.gov.observatory.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Who is who in the database: the application's role is given its rights after every migration
 * ({@link ApplicationRoleGrants}), and the owner's connections are at hand ({@link DatabaseOwner}).
 * For the embedded database see {@link EmbeddedDatabaseConfiguration}; for an external one the
 * owner is the migration user {@code spring.flyway.user} when configured (Spring Boot's Flyway then
 * migrates as it), otherwise the application's own user, as before.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

  @Bean
  ApplicationRoleGrants applicationRoleGrants(Environment env) {
    if (NoExternalDatabase.matches(env)) {
      return new ApplicationRoleGrants(EmbeddedDatabase.APPLICATION_ROLE);
    }
    String flywayUser = blankToNull(env.getProperty("spring.flyway.user"));
    String appUser = blankToNull(env.getProperty("spring.datasource.username"));
    boolean separateOwner = flywayUser != null && appUser != null && !flywayUser.equals(appUser);
    return new ApplicationRoleGrants(separateOwner ? appUser : null);
  }

  @Bean
  @Conditional(NoExternalDatabase.External.class)
  DatabaseOwner externalDatabaseOwner(DataSource dataSource, Environment env) {
    String flywayUser = blankToNull(env.getProperty("spring.flyway.user"));
    if (flywayUser != null) {
      String url = blankToNull(env.getProperty("spring.flyway.url"));
      if (url == null) {
        url = env.getProperty("spring.datasource.url");
      }
      String password = blankToNull(env.getProperty("spring.flyway.password"));
      SimpleDriverDataSource ds = new SimpleDriverDataSource();
      ds.setDriverClass(org.postgresql.Driver.class);
      ds.setUrl(url);
      ds.setUsername(flywayUser);
      ds.setPassword(password);
      return new DatabaseOwner(ds, url, flywayUser, password);
    }
    String url = env.getProperty("spring.datasource.url");
    String user = env.getProperty("spring.datasource.username");
    String password = blankToNull(env.getProperty("spring.datasource.password"));
    if (dataSource instanceof HikariDataSource hikari) {
      url = hikari.getJdbcUrl();
      user = hikari.getUsername();
      password = hikari.getPassword();
    }
    return new DatabaseOwner(dataSource, url, user, password);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
