package dev.natter.gateway.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Issues and verifies the signed, expiring tokens (JWS, HS256) that bind a session to a nick. */
@Component
public class Tokens {

  /** The cookie that carries the token for a page's stream, which cannot send a header. */
  public static final String COOKIE = "natter_session";

  private static final Logger log = LoggerFactory.getLogger(Tokens.class);
  private static final String ISSUER = "natter";
  private static final String SESSION = "sid";

  private final byte[] secret;
  private final SessionProperties properties;
  private final Clock clock;

  Tokens(SessionProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.secret = secret(properties.tokenSecret());
  }

  /** A token for {@code identity}, valid for the configured lifetime. */
  public String issue(Identity identity) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(identity.nick())
            .claim(SESSION, identity.session())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.tokenLifetime())))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /** Whom a valid, unexpired token was issued to. */
  public Optional<Identity> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      boolean valid =
          JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
              && jwt.verify(new MACVerifier(secret))
              && ISSUER.equals(claims.getIssuer())
              && claims.getExpirationTime() != null
              && claims.getExpirationTime().toInstant().isAfter(clock.instant());
      String session = valid ? claims.getStringClaim(SESSION) : null;
      if (session == null || claims.getSubject() == null) {
        return Optional.empty();
      }
      return Optional.of(new Identity(claims.getSubject(), session));
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }

  private static byte[] secret(String configured) {
    if (configured == null || configured.isBlank()) {
      log.warn(
          "NATTER-SESSION-001 No token secret configured: using a random one, so tokens end"
              + " with this process and other replicas refuse them. Set NATTER_TOKEN_SECRET.");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return random;
    }
    byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < 32) {
      throw new IllegalStateException("NATTER_TOKEN_SECRET must be at least 32 bytes long");
    }
    return bytes;
  }
}
