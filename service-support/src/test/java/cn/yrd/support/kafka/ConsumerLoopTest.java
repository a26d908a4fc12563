package cn.yrd.support.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsumerLoopTest {

  @ParameterizedTest(name = "SQLState {0}: read again = {1}")
  @CsvSource({
    "08006, true", // connection failure
    "40P01, true", // deadlock detected: another consumer won the race
    "40001, true", // serialization failure
    "23505, false", // unique violation: the record itself cannot be applied
    "23502, false", // not-null violation
    "22P02, false" // invalid text representation
  })
  void readsAgainOnlyWhenTheDatabaseOrALockRaceFailedNotTheRecord(String state, boolean again) {
    SQLException cause = new SQLException("from PostgreSQL", state);
    RuntimeException wrapped = new RuntimeException("could not apply", cause);
    assertEquals(again, ConsumerLoop.mustReadAgain(wrapped));
  }

  @Test
  void readsAgainWhenNoConnectionCanBeHad() {
    assertTrue(
        ConsumerLoop.mustReadAgain(
            new IllegalStateException(new SQLTransientConnectionException("pool exhausted"))));
  }
}
