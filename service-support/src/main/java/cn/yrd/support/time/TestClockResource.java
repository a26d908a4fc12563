package cn.yrd.support.time;

import cn.yrd.support.problem.ProblemException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The test profile's business clock, over HTTP, so that the conformance runner can move every
 * service of a test federation to the same day. Not part of the API: 404 wherever the clock is not
 * movable, and absent from the OpenAPI document.
 */
@Path("/api/v1/test-clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestClockResource {
  @Inject TestClock clock;
  @Inject Instance<DayFollower> followers;

  /**
   * The business date; {@code today} null in a request means the wall clock's date. In a response,
   * {@code settled} tells whether every date-driven job of the service has run for that day.
   */
  public record Today(LocalDate today, Boolean settled) {}

  @GET
  @Operation(hidden = true)
  public Today getTestClock() {
    requireMovable();
    return now();
  }

  @PUT
  @Operation(hidden = true)
  public Today setTestClock(Today day) {
    requireMovable();
    clock.moveTo(day == null ? null : day.today());
    return now();
  }

  private Today now() {
    LocalDate today = BusinessTime.today();
    boolean settled = true;
    for (DayFollower follower : followers) {
      settled &= follower.settledThrough().filter(today::equals).isPresent();
    }
    return new Today(today, settled);
  }

  private void requireMovable() {
    if (!clock.movable()) {
      throw ProblemException.notFound("no test clock here: the business date is the wall clock's");
    }
  }
}
