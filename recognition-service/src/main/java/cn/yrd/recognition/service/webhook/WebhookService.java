package cn.yrd.recognition.service.webhook;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.Roles;
import cn.yrd.recognition.api.DeliveryStatus;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.api.WebhookRegistration;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.WebhookDelivery;
import cn.yrd.recognition.repository.WebhookEndpoint;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A province's webhook: registering its endpoint, reading its deliveries (the dead-lettered ones
 * among them) and replaying one. Only the province's own registrars, supervisors and recognition
 * officers manage it; an auditor reads any.
 */
@ApplicationScoped
public class WebhookService {
  @Inject RecognitionConfig config;
  @Inject WebhookDispatcher dispatcher;

  /** Sets the province's endpoint and a fresh secret (a rotation, if it had one). */
  @Transactional
  public Views.WebhookEndpointView register(
      Province province, WebhookRegistration registration, CallerInfo caller) {
    mayManage(province, caller);
    String url = checkedUrl(registration == null ? null : registration.url());
    WebhookEndpoint endpoint = WebhookEndpoint.findById(province.name());
    if (endpoint == null) {
      endpoint = new WebhookEndpoint();
      endpoint.province = province.name();
    }
    endpoint.url = url;
    endpoint.secret = WebhookSignature.newSecret();
    endpoint.registeredBy = caller.name();
    endpoint.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
    endpoint.persist();
    return view(endpoint, true);
  }

  @Transactional
  public Views.WebhookEndpointView endpoint(Province province, CallerInfo caller) {
    mayRead(province, caller);
    return view(existing(province), false);
  }

  /** Stops pushing: the endpoint goes, and the deliveries not yet made with it. */
  @Transactional
  public void remove(Province province, CallerInfo caller) {
    mayManage(province, caller);
    dispatcher.lockQueue(province);
    existing(province).delete();
    WebhookDelivery.delete(
        "province = ?1 and status = ?2", province.name(), WebhookDelivery.PENDING);
  }

  /** The province's deliveries, newest first; {@code status} DEAD lists the dead letters. */
  @Transactional
  public Views.WebhookDeliveryPage deliveries(
      Province province, DeliveryStatus status, Paging paging, CallerInfo caller) {
    mayRead(province, caller);
    Sort newestFirst = Sort.descending("createdAt", "id");
    PanacheQuery<WebhookDelivery> query =
        status == null
            ? WebhookDelivery.find("province = ?1", newestFirst, province.name())
            : WebhookDelivery.find(
                "province = ?1 and status = ?2", newestFirst, province.name(), status.name());
    List<Views.WebhookDeliveryView> items =
        query.page(paging.page(), paging.size()).list().stream().map(WebhookService::view).toList();
    long total = query.count();
    return new Views.WebhookDeliveryPage(items, total, paging.nextCursor(total));
  }

  /**
   * Sends a dead-lettered (or delivered) delivery again, after those already queued: same id and
   * body, so a receiver that had it already recognizes it.
   */
  @Transactional
  public Views.WebhookDeliveryView replay(Province province, UUID id, CallerInfo caller) {
    mayManage(province, caller);
    WebhookDelivery d = WebhookDelivery.findById(id);
    if (d == null || !d.province.equals(province.name())) {
      throw ProblemException.notFound("no delivery " + id + " to " + province);
    }
    if (WebhookDelivery.PENDING.equals(d.status)) {
      throw ProblemException.conflict("delivery " + id + " is still queued");
    }
    existing(province);
    d.status = WebhookDelivery.PENDING;
    d.attempts = 0;
    d.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC);
    d.lastError = null;
    d.deliveredAt = null;
    WebhookDelivery.flush();
    WebhookDelivery.getEntityManager()
        .createNativeQuery(
            "UPDATE webhook_delivery SET place = nextval('webhook_delivery_order') WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    return view(d);
  }

  private String checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw ProblemException.field("url", "must be given");
    }
    if (url.length() > 2000) {
      throw ProblemException.field("url", "must be at most 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ProblemException.field("url", "is not a URL: " + e.getReason());
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean http = "http".equalsIgnoreCase(uri.getScheme());
    if (!https && !(http && !config.webhooks().requireHttps())) {
      throw ProblemException.field("url", "must be an https URL");
    }
    if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
      throw ProblemException.field("url", "must name a host, with no user and no fragment");
    }
    return uri.toString();
  }

  private static WebhookEndpoint existing(Province province) {
    WebhookEndpoint endpoint = WebhookEndpoint.findById(province.name());
    if (endpoint == null) {
      throw ProblemException.notFound(province + " has no webhook endpoint");
    }
    return endpoint;
  }

  private static void mayManage(Province province, CallerInfo caller) {
    if (!caller.actsFor(province)) {
      throw ProblemException.forbidden(
          "only a registrar, supervisor or recognition officer of "
              + province
              + " may manage its webhook");
    }
  }

  private static void mayRead(Province province, CallerInfo caller) {
    boolean own = caller.province().map(p -> p == province).orElse(false);
    if (!own && !(caller.province().isEmpty() && caller.hasRole(Roles.AUDITOR))) {
      throw ProblemException.forbidden("a caller of another province may not read " + province);
    }
  }

  private static Views.WebhookEndpointView view(WebhookEndpoint e, boolean withSecret) {
    return new Views.WebhookEndpointView(
        e.province, e.url, withSecret ? e.secret : null, e.registeredBy, e.registeredAt);
  }

  private static Views.WebhookDeliveryView view(WebhookDelivery d) {
    return new Views.WebhookDeliveryView(
        d.id,
        d.province,
        d.notificationId,
        d.eventType,
        DeliveryStatus.valueOf(d.status),
        d.attempts,
        WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null,
        d.lastError,
        d.createdAt,
        d.deliveredAt);
  }
}
