package org.kitepkana.platform.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for requests that create things (POST): the first answer is stored with a
 * hash of the request, and a replay with the same key gets that answer again and changes nothing.
 * The same key with a different request is refused (422); a replay while the first is still running
 * gets 409. Answers of 5xx are not kept, so the client may retry.
 */
public final class IdempotencyKeyFilter extends OncePerRequestFilter {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  public static final String COLLECTION = "idempotency_keys";

  private final MongoCollection<Document> keys;
  private final Clock clock;

  public IdempotencyKeyFilter(MongoDatabase database, Clock clock) {
    this.keys = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    if (key.isBlank() || key.length() > 200) {
      ProblemResponses.write(
          response,
          HttpStatus.BAD_REQUEST,
          "Invalid request",
          HEADER + " must have 1 to 200 characters",
          List.of(new FieldError(HEADER, "must have 1 to 200 characters")));
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    // A key belongs to its caller: another caller sending the same key and body must not get the
    // first caller's answer (a registration's cancellation token, say).
    String caller =
        request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    String id = request.getMethod() + " " + request.getRequestURI() + " " + caller + " " + key;
    String hash = hash(request.getRequestURI(), body);
    try {
      keys.insertOne(
          new Document("_id", id)
              .append("requestHash", hash)
              .append("state", "IN_PROGRESS")
              .append("createdAt", Date.from(clock.instant())));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      replay(keys.find(Filters.eq("_id", id)).first(), hash, response);
      return;
    }
    ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(new CachedBody(request, body), cached);
      if (cached.getStatus() < 500) {
        keys.updateOne(
            Filters.eq("_id", id),
            Updates.combine(
                Updates.set("state", "COMPLETE"),
                Updates.set("status", cached.getStatus()),
                Updates.set("contentType", cached.getContentType()),
                Updates.set("location", cached.getHeader(HttpHeaders.LOCATION)),
                Updates.set("body", new Binary(cached.getContentAsByteArray()))));
        stored = true;
      }
    } finally {
      if (!stored) {
        keys.deleteOne(Filters.eq("_id", id));
      }
      cached.copyBodyToResponse();
    }
  }

  private static void replay(Document first, String hash, HttpServletResponse response)
      throws IOException {
    if (first == null) {
      ProblemResponses.write(
          response,
          HttpStatus.CONFLICT,
          "Conflict",
          "The first request with this key is still running",
          List.of());
      return;
    }
    if (!hash.equals(first.getString("requestHash"))) {
      ProblemResponses.write(
          response,
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Idempotency-Key reused",
          "This Idempotency-Key was used for a different request",
          List.of(new FieldError(HEADER, "already used for a different request")));
      return;
    }
    if (!"COMPLETE".equals(first.getString("state"))) {
      ProblemResponses.write(
          response,
          HttpStatus.CONFLICT,
          "Conflict",
          "The first request with this key is still running",
          List.of());
      return;
    }
    response.setStatus(first.getInteger("status"));
    if (first.getString("contentType") != null) {
      response.setContentType(first.getString("contentType"));
    }
    if (first.getString("location") != null) {
      response.setHeader(HttpHeaders.LOCATION, first.getString("location"));
    }
    response.setHeader(REPLAYED_HEADER, "true");
    response.getOutputStream().write(first.get("body", Binary.class).getData());
  }

  private static String hash(String uri, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(uri.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }
  }
}
