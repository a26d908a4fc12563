package cn.yrd.recognition.api;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
  /** Queued, or failing and waiting for its next attempt. */
  PENDING,
  /** The endpoint answered 2xx. */
  DELIVERED,
  /** Every attempt failed: dead-lettered until replayed. */
  DEAD
}
