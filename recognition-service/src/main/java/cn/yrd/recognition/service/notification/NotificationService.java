package cn.yrd.recognition.service.notification;

import cn.yrd.contracts.EventTypes;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.NotificationReceipt;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.config.RecognitionConfig;
import cn.yrd.recognition.repository.Notification;
import cn.yrd.support.outbox.OutboxWriter;
import cn.yrd.support.paging.Paging;
import cn.yrd.support.problem.ProblemException;
import cn.yrd.support.security.CallerInfo;
import cn.yrd.support.time.BusinessTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 风险信息预警: a province reads the notifications addressed to it and acknowledges each; the receipt
 * (who, when) is kept and published for the audit log. HIGH notifications left unacknowledged too
 * long are overdue.
 */
@ApplicationScoped
public class NotificationService {
  @Inject RecognitionConfig config;
  @Inject OutboxWriter outbox;
  @Inject ObjectMapper json;

  /**
   * Which notifications to list; null means any.
   *
   * @param overdue only HIGH ones unacknowledged past the time allowed
   */
  public record Filter(
      Province province, Boolean acknowledged, Severity severity, boolean overdue) {}

  /**
   * A page of notifications, newest first. A caller of a province sees its own province's only; one
   * of none (an auditor) sees any, or the province it names.
   */
  @Transactional
  public Views.NotificationPage list(Filter filter, Paging paging, CallerInfo caller) {
    String addressee = readableProvince(filter.province(), caller);
    List<String> where = new ArrayList<>();
    Parameters params = new Parameters();
    if (addressee != null) {
      where.add("province = :province");
      params.and("province", addressee);
    }
    if (filter.acknowledged() != null) {
      where.add(filter.acknowledged() ? "acknowledgedAt is not null" : "acknowledgedAt is null");
    }
    if (filter.severity() != null) {
      where.add("severity = :severity");
      params.and("severity", filter.severity().name());
    }
    if (filter.overdue()) {
      where.add("acknowledgedAt is null and severity = :high and createdAt <= :due");
      params.and("high", Severity.HIGH.name()).and("due", overdueBefore());
    }
    Sort newestFirst = Sort.descending("createdAt", "id");
    PanacheQuery<Notification> query =
        where.isEmpty()
            ? Notification.findAll(newestFirst)
            : Notification.find(String.join(" and ", where), newestFirst, params);
    List<Views.NotificationView> items =
        query.page(paging.page(), paging.size()).list().stream().map(this::view).toList();
    long total = query.count();
    return new Views.NotificationPage(items, total, paging.nextCursor(total));
  }

  /** A HIGH notification created before this and still unacknowledged is overdue. */
  public OffsetDateTime overdueBefore() {
    return BusinessTime.now().minus(config.notifications().acknowledgeWithin());
  }

  /**
   * The addressed province's receipt: kept and published. Acknowledging again changes nothing and
   * answers the first receipt.
   */
  @Transactional
  public Views.NotificationView acknowledge(UUID id, CallerInfo caller) {
    Notification n = Notification.findById(id);
    if (n == null) {
      throw ProblemException.notFound("no notification " + id);
    }
    if (!caller.actsFor(Province.valueOf(n.province))) {
      throw ProblemException.forbidden(
          "only a registrar, supervisor or recognition officer of "
              + n.province
              + " may acknowledge its notifications");
    }
    if (n.acknowledgedAt == null) {
      n.acknowledgedBy = caller.name();
      n.acknowledgedAt = BusinessTime.now();
      outbox.append(
          EventTypes.NOTIFICATION_ACKNOWLEDGED,
          n.uscc != null ? n.uscc : n.id.toString(),
          write(
              new NotificationReceipt(
                  n.id,
                  n.province,
                  n.kind,
                  n.uscc,
                  n.ruleId,
                  Severity.valueOf(n.severity),
                  n.createdAt,
                  n.acknowledgedBy,
                  n.acknowledgedAt)));
    }
    return view(n);
  }

  private static String readableProvince(Province asked, CallerInfo caller) {
    if (caller.province().isEmpty()) {
      return asked == null ? null : asked.name();
    }
    Province own = caller.province().get();
    if (asked != null && asked != own) {
      throw ProblemException.forbidden(
          "a caller of " + own + " reads " + own + "'s notifications, not " + asked + "'s");
    }
    return own.name();
  }

  /** A notification as the API and the webhooks show it. */
  public Views.NotificationView view(Notification n) {
    try {
      return new Views.NotificationView(
          n.id,
          n.province,
          n.kind,
          n.eventType,
          n.uscc,
          n.ruleId,
          Severity.valueOf(n.severity),
          asStored(n.createdAt),
          n.acknowledgedBy,
          asStored(n.acknowledgedAt),
          json.readTree(n.payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored notification is not JSON", e);
    }
  }

  /** A time as the database keeps it (UTC, microseconds), whether just written or read back. */
  private static OffsetDateTime asStored(OffsetDateTime time) {
    return time == null
        ? null
        : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
