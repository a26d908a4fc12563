package cn.yrd.recognition.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A province's webhook endpoint: where its notifications are pushed, and the key that signs them.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {
  @Id public String province;

  @Column(nullable = false)
  public String url;

  /** {@code whsec_} and the base64 of the HMAC-SHA256 key (Standard Webhooks). */
  @Column(nullable = false)
  public String secret;

  @Column(name = "registered_by", nullable = false)
  public String registeredBy;

  @Column(name = "registered_at", nullable = false)
  public OffsetDateTime registeredAt;
}
