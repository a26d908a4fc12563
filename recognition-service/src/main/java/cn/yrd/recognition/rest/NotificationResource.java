package cn.yrd.recognition.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.contracts.recognition.Severity;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.service.notification.NotificationService;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 风险信息预警: the notifications addressed to a province, and their receipts. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications", description = "风险信息预警与回执")
@SecurityRequirement(name = "bearer")
public class NotificationResource {
  @Inject NotificationService notifications;
  @Inject Caller caller;

  @GET
  @RolesAllowed({
    ApiRoles.REGISTRAR,
    ApiRoles.SUPERVISOR,
    ApiRoles.OFFICER,
    ApiRoles.AUDITOR,
    ApiRoles.READER
  })
  @Operation(
      summary = "List a province's notifications (风险信息预警)",
      description =
          "Every conflict opened or closed and every recognition decision (cascades included) that"
              + " involves the province, with its rule ID and severity, newest first. A caller of a"
              + " province sees its own province's.")
  @APIResponse(
      responseCode = "200",
      description = "One page of notifications",
      content = @Content(schema = @Schema(implementation = Views.NotificationPage.class)))
  public Views.NotificationPage listNotifications(
      @QueryParam("province")
          @Parameter(description = "The addressed province (a caller of a province: its own)")
          Province province,
      @QueryParam("acknowledged")
          @Parameter(description = "true: only acknowledged ones; false: only those still open")
          Boolean acknowledged,
      @QueryParam("severity") @Parameter(description = "Only this severity") Severity severity,
      @QueryParam("overdue")
          @Parameter(
              description =
                  "true: only HIGH notifications not acknowledged within"
                      + " yrd.recognition.notifications.acknowledge-within (4 h unless configured),"
                      + " the ones yrd_notifications_overdue counts")
          Boolean overdue,
      @BeanParam PageParams pageParams) {
    return notifications.list(
        new NotificationService.Filter(
            province, acknowledged, severity, Boolean.TRUE.equals(overdue)),
        pageParams.paging(),
        caller.info());
  }

  @POST
  @Path("/{id}/acknowledgement")
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER})
  @Operation(
      summary = "Acknowledge a notification (回执)",
      description =
          "By a registrar, supervisor or recognition officer of the addressed province. Who and"
              + " when are kept and published (cn.yrd.recognition.notification-acknowledged.v1)"
              + " into the audit log. Acknowledging again answers the first receipt.")
  @APIResponse(
      responseCode = "200",
      description = "The notification with its receipt",
      content = @Content(schema = @Schema(implementation = Views.NotificationView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No notification has this id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Views.NotificationView acknowledgeNotification(
      @PathParam("id")
          @Parameter(
              description = "The notification's id",
              example = "01a24f60-5d11-7a3e-8c0b-2e4f6a8b9c01")
          UUID id) {
    return notifications.acknowledge(id, caller.info());
  }
}
