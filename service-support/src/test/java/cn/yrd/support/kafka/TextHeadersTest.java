package cn.yrd.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TextHeadersTest {

  @Test
  void readsBackTheLastValueWrittenAsUtf8() {
    RecordHeaders headers = new RecordHeaders();
    TextHeaders.add(headers, "ce_subject", "51310115000004212C");
    TextHeaders.add(headers, "ce_subject", "上海市软件行业协会");
    assertThat(TextHeaders.optional(headers, "ce_subject")).isEqualTo("上海市软件行业协会");
    assertThat(TextHeaders.required(headers, "ce_subject")).isEqualTo("上海市软件行业协会");
  }

  @Test
  void treatsAnEmptyHeaderAsAbsent() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_sequence", new byte[0]);
    headers.add("ce_time", null);
    assertThat(TextHeaders.optional(headers, "ce_sequence")).isNull();
    assertThat(TextHeaders.optional(headers, "ce_time")).isNull();
    assertThat(TextHeaders.optional(headers, "ce_id")).isNull();
  }

  @Test
  void refusesARecordWithoutARequiredHeaderNamingIt() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_type", new byte[0]);
    assertThatThrownBy(() -> TextHeaders.required(headers, "ce_type"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing header ce_type");
  }
}
