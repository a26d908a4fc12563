package cn.yrd.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yrd.contracts.recognition.ClearanceDisclosure;
import cn.yrd.contracts.recognition.ConflictState;
import cn.yrd.contracts.recognition.ConflictType;
import cn.yrd.contracts.recognition.NotificationReceipt;
import cn.yrd.contracts.recognition.RecognitionState;
import cn.yrd.contracts.recognition.RecognitionStatus;
import cn.yrd.contracts.registry.Change;
import cn.yrd.contracts.registry.OrganizationState;
import cn.yrd.contracts.registry.RegistryEvent;
import cn.yrd.contracts.witness.SplitViewDetected;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** asyncapi.yaml describes exactly the payload records the services publish. */
class AsyncApiDocumentTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> schemas() throws Exception {
    Map<String, Object> doc = new Yaml().load(Files.readString(Path.of("asyncapi.yaml")));
    return (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
  }

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("RegistryEvent", RegistryEvent.class),
        Arguments.of("OrganizationState", OrganizationState.class),
        Arguments.of("Change", Change.class),
        Arguments.of("RecognitionState", RecognitionState.class),
        Arguments.of("ConflictState", ConflictState.class),
        Arguments.of("ClearanceDisclosure", ClearanceDisclosure.class),
        Arguments.of("NotificationReceipt", NotificationReceipt.class),
        Arguments.of("SplitViewDetected", SplitViewDetected.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  @SuppressWarnings("unchecked")
  void everyRecordComponentIsDocumentedAndNothingElse(
      String schema, Class<? extends Record> payload) throws Exception {
    Map<String, Object> properties =
        (Map<String, Object>) ((Map<String, Object>) schemas().get(schema)).get("properties");
    List<String> components =
        Arrays.stream(payload.getRecordComponents()).map(RecordComponent::getName).toList();
    assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(components);
  }

  @Test
  @SuppressWarnings("unchecked")
  void enumsListExactlyTheJavaConstants() throws Exception {
    Map<String, Object> conflict =
        (Map<String, Object>)
            ((Map<String, Object>) schemas().get("ConflictState")).get("properties");
    assertThat((List<String>) ((Map<String, Object>) conflict.get("type")).get("enum"))
        .containsExactlyElementsOf(Arrays.stream(ConflictType.values()).map(Enum::name).toList());
    Map<String, Object> recognition =
        (Map<String, Object>)
            ((Map<String, Object>) schemas().get("RecognitionState")).get("properties");
    assertThat((List<String>) ((Map<String, Object>) recognition.get("status")).get("enum"))
        .containsExactlyElementsOf(
            Arrays.stream(RecognitionStatus.values()).map(Enum::name).toList());
  }

  @Test
  void everyTopicIsAChannel() throws Exception {
    String text = Files.readString(Path.of("asyncapi.yaml"));
    for (Field field : Topics.class.getFields()) {
      assertThat(text).as(field.getName()).contains("address: " + field.get(null));
    }
  }

  /** Each message's ce_type enum lists exactly the event types published with it. */
  @Test
  @SuppressWarnings("unchecked")
  void everyEventTypeIsInTheCeTypeEnumOfItsMessage() throws Exception {
    List<String> types = new java.util.ArrayList<>();
    for (Field field : EventTypes.class.getFields()) {
      if (field.getType() == String.class) {
        types.add((String) field.get(null));
      }
    }
    Map<String, List<String>> declared = new java.util.HashMap<>();
    for (String headers :
        List.of(
            "registryHeaders",
            "recognitionHeaders",
            "conflictHeaders",
            "clearanceHeaders",
            "notificationHeaders",
            "witnessHeaders")) {
      Map<String, Object> ceType =
          (Map<String, Object>)
              ((Map<String, Object>)
                      ((Map<String, Object>) schemas().get(headers)).get("properties"))
                  .get("ce_type");
      declared.put(headers, (List<String>) ceType.get("enum"));
    }
    assertThat(declared.get("registryHeaders"))
        .containsExactlyInAnyOrderElementsOf(
            types.stream()
                .filter(
                    t ->
                        t.startsWith("cn.yrd.registration.") || t.startsWith("cn.yrd.supervision."))
                .toList());
    assertThat(declared.get("conflictHeaders"))
        .containsExactlyInAnyOrderElementsOf(
            types.stream().filter(t -> t.startsWith("cn.yrd.recognition.conflict-")).toList());
    assertThat(declared.get("recognitionHeaders"))
        .containsExactlyInAnyOrderElementsOf(
            types.stream()
                .filter(t -> t.startsWith("cn.yrd.recognition."))
                .filter(t -> !t.startsWith("cn.yrd.recognition.conflict-"))
                .filter(t -> !t.startsWith("cn.yrd.recognition.clearance-"))
                .filter(t -> !t.startsWith("cn.yrd.recognition.notification-"))
                .toList());
    assertThat(declared.get("clearanceHeaders")).containsExactly(EventTypes.CLEARANCE_DISCLOSED);
    assertThat(declared.get("notificationHeaders"))
        .containsExactly(EventTypes.NOTIFICATION_ACKNOWLEDGED);
    assertThat(declared.get("witnessHeaders")).containsExactly(EventTypes.SPLIT_VIEW_DETECTED);
  }
}
