package uk.gov.observatory.access.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.StringUtils;
import uk.gov.observatory.access.Accounts;
import uk.gov.observatory.audit.AuditLog;

/**
 * Optional single sign-on with an OpenID Connect provider, in place of the password only (see
 * {@link SingleSignOn}). Exists only when {@code observatory.oidc.issuer-uri} is set: otherwise
 * there is no client registration, no button and no {@code /oauth2} endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(SingleSignOnConfiguration.Configured.class)
class SingleSignOnConfiguration {

  static final String ISSUER_URI = "observatory.oidc.issuer-uri";

  /** True when an issuer is configured (an empty value counts as none). */
  static final class Configured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return StringUtils.hasText(context.getEnvironment().getProperty(ISSUER_URI));
    }
  }

  @Bean
  ClientRegistrationRepository oidcClientRegistrations(
      @Value("${" + ISSUER_URI + "}") String issuer,
      @Value("${observatory.oidc.client-id:}") String clientId,
      @Value("${observatory.oidc.client-secret:}") String clientSecret) {
    if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
      throw new IllegalStateException(
          "observatory.oidc.client-id and observatory.oidc.client-secret are needed when "
              + ISSUER_URI
              + " is set");
    }
    return new IssuerClientRegistrations(issuer.strip(), clientId.strip(), clientSecret);
  }

  @Bean
  SingleSignOn singleSignOn(
      ClientRegistrationRepository oidcClientRegistrations,
      Accounts accounts,
      AuditLog audit,
      SecurityContextRepository contexts,
      @Value("${observatory.oidc.username-claim:preferred_username}") String usernameClaim,
      @Value("${observatory.oidc.name:single sign-on}") String name) {
    return new SingleSignOn(
        oidcClientRegistrations,
        accounts,
        audit,
        contexts,
        StringUtils.hasText(usernameClaim) ? usernameClaim.strip() : "preferred_username",
        StringUtils.hasText(name) ? name.strip() : "single sign-on");
  }

  /**
   * The one client registration, {@value SingleSignOn#REGISTRATION_ID}, read from the issuer's
   * discovery document when first needed and kept from then on. Read lazily so that the service
   * (and password sign-in) starts while the provider is unreachable; until it can be read, single
   * sign-on fails with a message on the sign-in page and is tried again at the next attempt. How
   * the client authenticates (client_secret_basic unless the provider offers only
   * client_secret_post) follows the provider's metadata.
   */
  static final class IssuerClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(IssuerClientRegistrations.class);

    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private volatile ClientRegistration registration;

    IssuerClientRegistrations(String issuer, String clientId, String clientSecret) {
      this.issuer = issuer;
      this.clientId = clientId;
      this.clientSecret = clientSecret;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
      if (!SingleSignOn.REGISTRATION_ID.equals(registrationId)) {
        return null;
      }
      ClientRegistration found = registration;
      if (found != null) {
        return found;
      }
      synchronized (this) {
        if (registration == null) {
          try {
            registration =
                ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(SingleSignOn.REGISTRATION_ID)
                    .clientId(clientId)
                    .clientSecret(clientSecret)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile")
                    .build();
          } catch (RuntimeException e) {
            log.warn(
                "Single sign-on: could not read the OpenID Connect provider's configuration from"
                    + " {}: {}",
                issuer,
                e.toString());
            return null;
          }
        }
        return registration;
      }
    }
  }
}
