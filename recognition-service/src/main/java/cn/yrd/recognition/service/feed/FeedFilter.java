package cn.yrd.recognition.service.feed;

import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.FeedKind;

/**
 * Which entries a subscriber wants; null means any.
 *
 * @param province entries that concern this province
 * @param kind entries of this kind
 * @param type entries of this CloudEvents type (the event that caused them)
 */
public record FeedFilter(Province province, FeedKind kind, String type) {
  public static final FeedFilter ALL = new FeedFilter(null, null, null);

  /** Whether an entry passes, as {@link FeedStore#read} selects in SQL. */
  boolean passes(FeedRow row) {
    return (province == null || row.provinces().contains(province.name()))
        && (kind == null || kind.name().equals(row.kind()))
        && (type == null || type.equals(row.eventType()));
  }
}
