package uk.gov.observatory.access.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.gov.observatory.access.AccountHolder;

/**
 * The accounts of the API tokens this instance has accepted, kept so that a request with a good
 * token is not a database statement (issue 19). Kept only while this instance is told of every
 * change to accounts:
 *
 * <ul>
 *   <li>a connection of its own LISTENs on the channel {@value #CHANNEL}, which V34's triggers on
 *       {@code account}, {@code account_la}, {@code api_token} and {@code declared_interest} notify
 *       when a change commits, on any instance or from the command line: every kept account is then
 *       forgotten;
 *   <li>a change made here forgets them too, as soon as its transaction ends ({@link #changed});
 *   <li>while that connection is lost (and until it listens again) nothing is kept and every
 *       request reads the database, as before.
 * </ul>
 *
 * A token's expiry is checked against the request's time whether kept or not, so an expired token
 * is refused at once. Only accepted tokens are kept (a made-up token never fills memory), at most
 * {@value #MAX_KEPT}, and none longer than {@code observatory.access.token-holders-kept-for}
 * (default 10 minutes) even if no change is heard of.
 */
@Component
public class TokenHolders implements DisposableBean {

  static final String CHANNEL = "observatory_access";
  static final String APPLICATION_NAME = "observatory-access-listener";
  static final int MAX_KEPT = 10_000;
  private static final Logger log = LoggerFactory.getLogger(TokenHolders.class);

  /** An accepted token's account and the token's expiry. */
  public record Kept(AccountHolder holder, Instant expiresAt) {}

  private final Cache<String, Kept> kept;
  private final AtomicLong generation = new AtomicLong();
  private final Supplier<Connection> listenerConnection;
  private final Thread listener;
  private volatile boolean listening;
  private volatile boolean running = true;

  public TokenHolders(
      DataSource dataSource,
      @Value("${observatory.access.token-holders-kept-for:PT10M}") Duration keptFor) {
    this.kept = Caffeine.newBuilder().maximumSize(MAX_KEPT).expireAfterWrite(keptFor).build();
    this.listenerConnection = connectionOf(dataSource);
    if (listenerConnection == null) {
      log.info(
          "Accounts of API tokens are read on every request: the database is not PostgreSQL"
              + " through a connection pool this instance can listen with");
      this.listener = null;
    } else {
      this.listener = new Thread(this::listen, "observatory-access-listener");
      listener.setDaemon(true);
      listener.start();
    }
  }

  /** Whether accounts are kept now (told of every change). */
  public boolean listening() {
    return listening;
  }

  /**
   * The account of an accepted token with this hash at {@code now}: the one kept, or else {@code
   * load}'s, kept when found.
   */
  public Optional<AccountHolder> find(
      String tokenHash, Instant now, Function<String, Optional<Kept>> load) {
    if (listening) {
      Kept k = kept.getIfPresent(tokenHash);
      if (k != null) {
        if (now.isBefore(k.expiresAt())) {
          return Optional.of(k.holder());
        }
        kept.invalidate(tokenHash);
      }
    }
    long before = generation.get();
    boolean keep = listening;
    Optional<Kept> found = load.apply(tokenHash);
    if (found.isPresent() && keep) {
      kept.put(tokenHash, found.get());
      // A change heard of while it was read: what was read may be older than it.
      if (generation.get() != before || !listening) {
        kept.invalidate(tokenHash);
      }
    }
    return found.map(Kept::holder);
  }

  /**
   * An account, its local authorities, tokens or interests changed here: every kept account is
   * forgotten when the transaction ends (at once without one). Other instances hear of it by V34's
   * notification.
   */
  public void changed() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              forget();
            }
          });
    } else {
      forget();
    }
  }

  /** How many times every kept account was forgotten so far (tests). */
  long forgotten() {
    return generation.get();
  }

  /** How many accounts are kept (tests). */
  long size() {
    kept.cleanUp();
    return kept.estimatedSize();
  }

  private void forget() {
    generation.incrementAndGet();
    kept.invalidateAll();
  }

  private void listen() {
    boolean warned = false;
    while (running) {
      try (Connection c = listenerConnection.get()) {
        try (Statement s = c.createStatement()) {
          s.execute("listen " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        forget();
        listening = true;
        if (warned) {
          log.info("Told of changes to accounts again: accounts of API tokens are kept");
          warned = false;
        }
        long checked = System.nanoTime();
        while (running) {
          PGNotification[] heard = pg.getNotifications(500);
          if (heard != null && heard.length > 0) {
            forget();
          }
          if (System.nanoTime() - checked > Duration.ofSeconds(10).toNanos()) {
            if (!c.isValid(5)) {
              throw new SQLException("the listening connection is no longer valid");
            }
            checked = System.nanoTime();
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        forget();
        if (running) {
          if (!warned) {
            log.warn(
                "Not told of changes to accounts ({}): API tokens are checked in the database on"
                    + " every request until this instance listens again",
                e.getMessage());
            warned = true;
          }
          try {
            Thread.sleep(1_000);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
    listening = false;
  }

  @Override
  public void destroy() throws InterruptedException {
    running = false;
    listening = false;
    forget();
    if (listener != null) {
      listener.interrupt();
      listener.join(5_000);
    }
  }

  /** A connection of its own, to the pool's database as the pool's user; null when unknown. */
  private static Supplier<Connection> connectionOf(DataSource dataSource) {
    HikariDataSource hikari;
    try {
      if (!dataSource.isWrapperFor(HikariDataSource.class)) {
        return null;
      }
      hikari = dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      return null;
    }
    if (hikari.getJdbcUrl() == null || !hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      return null;
    }
    return () -> {
      try {
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
          properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
          properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
      } catch (SQLException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    };
  }
}
