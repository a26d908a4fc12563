package cn.yrd.support.paging;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * RFC 8288: a page that has a next one says where it is, {@code Link: </…?cursor=…>; rel="next"},
 * with the request's other query parameters kept (and the legacy {@code page} dropped). The target
 * is a relative reference, so it holds behind a proxy.
 */
public class NextPageLink {

  @ServerResponseFilter
  public void addNextLink(UriInfo uri, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof CursorPage page) || page.nextCursor() == null) {
      return;
    }
    // The raw query as the client sent it, minus page and cursor: nothing is decoded and encoded
    // again, so every other parameter comes back byte for byte (the cursor is base64url).
    URI request = uri.getRequestUri();
    StringBuilder query = new StringBuilder();
    if (request.getRawQuery() != null) {
      for (String pair : request.getRawQuery().split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("page=") && !pair.startsWith("cursor=")) {
          query.append(pair).append('&');
        }
      }
    }
    query.append("cursor=").append(page.nextCursor());
    String next = request.getRawPath() + "?" + query;
    response.getHeaders().add("Link", "<" + next + ">; rel=\"next\"");
  }
}
