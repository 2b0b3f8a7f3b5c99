package org.kitepkana.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies above a limit with 413 problem+json: at once when the declared length is
 * too large, and while reading when a chunked body grows past it. The gateway limits too; a service
 * never trusts that it sits behind one.
 *
 * <p>Paths that take uploads (MARC files) can have their own, larger limit ({@link PathLimit},
 * {@code kitepkana.web.body-size-limits}); the first matching pattern wins. Such an upload is held
 * to the default limit when it carries an {@code Idempotency-Key}, because {@link
 * IdempotencyKeyFilter} buffers those bodies in memory.
 */
public final class RequestSizeLimitFilter extends OncePerRequestFilter {

  /**
   * A larger (or smaller) body limit for requests whose path matches a pattern.
   *
   * @param path a Spring path pattern, e.g. {@code /api/catalog/branches/*}{@code /marc-imports}
   * @param maxBodySize the limit on those paths
   */
  public record PathLimit(String path, DataSize maxBodySize) {}

  private record Compiled(PathPattern pattern, long limit) {}

  private final long limit;
  private final List<Compiled> pathLimits;

  public RequestSizeLimitFilter(long limit) {
    this(limit, List.of());
  }

  public RequestSizeLimitFilter(long limit, List<PathLimit> pathLimits) {
    this.limit = limit;
    this.pathLimits =
        pathLimits.stream()
            .map(
                p ->
                    new Compiled(
                        PathPatternParser.defaultInstance.parse(p.path()),
                        p.maxBodySize().toBytes()))
            .toList();
  }

  /** The limit for this request: its path's own, but no more than the default when buffered. */
  private long limitFor(HttpServletRequest request) {
    if (pathLimits.isEmpty()) {
      return limit;
    }
    PathContainer path = PathContainer.parsePath(request.getRequestURI());
    for (Compiled c : pathLimits) {
      if (c.pattern().matches(path)) {
        boolean buffered =
            "POST".equals(request.getMethod())
                && request.getHeader(IdempotencyKeyFilter.HEADER) != null;
        return buffered ? Math.min(limit, c.limit()) : c.limit();
      }
    }
    return limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = limitFor(request);
    if (request.getContentLengthLong() > limit) {
      ProblemResponses.write(
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "Request body too large",
          new PayloadTooLargeException(limit).getMessage(),
          List.of());
      return;
    }
    try {
      chain.doFilter(new Limited(request, limit), response);
    } catch (PayloadTooLargeException e) {
      // A filter after this one (Idempotency-Key) read the body before Spring MVC could map this.
      if (response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      ProblemResponses.write(
          response,
          HttpStatus.CONTENT_TOO_LARGE,
          "Request body too large",
          e.getMessage(),
          List.of());
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private long count;

    CountingStream(ServletInputStream delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws PayloadTooLargeException {
      count += n;
      if (count > limit) {
        throw new PayloadTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
