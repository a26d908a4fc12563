package cn.yrd.recognition.rest;

import cn.yrd.contracts.Problem;
import cn.yrd.contracts.Province;
import cn.yrd.recognition.api.DeliveryStatus;
import cn.yrd.recognition.api.Views;
import cn.yrd.recognition.api.WebhookRegistration;
import cn.yrd.recognition.service.webhook.WebhookService;
import cn.yrd.support.paging.PageParams;
import cn.yrd.support.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** 风险信息预警, pushed: a province's webhook endpoint and its deliveries. */
@Path("/api/v1/webhooks/{province}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "风险信息预警推送")
@SecurityRequirement(name = "bearer")
public class WebhookResource {
  @Inject WebhookService webhooks;
  @Inject Caller caller;

  @PathParam("province")
  @Parameter(description = "The province whose webhook it is")
  Province province;

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER})
  @Operation(
      summary = "Register the province's webhook endpoint",
      description =
          "Every notification addressed to the province is then POSTed to it, in order, at least"
              + " once, signed with HMAC-SHA256 per Standard Webhooks (webhook-id, the receiver's"
              + " idempotency key; webhook-timestamp; webhook-signature). A failed delivery is"
              + " retried with exponential backoff; the province's later ones wait behind it. After"
              + " the last attempt it is dead-lettered and the next goes out. Registering again"
              + " replaces the URL and rotates the secret, which only this answer carries.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint, with its new signing secret",
      content = @Content(schema = @Schema(implementation = Views.WebhookEndpointView.class)))
  public Views.WebhookEndpointView registerWebhook(WebhookRegistration registration) {
    return webhooks.register(province, registration, caller.info());
  }

  @GET
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER, ApiRoles.AUDITOR})
  @Operation(
      summary = "Read the province's webhook endpoint",
      description = "Its URL, who registered it and when; never the secret.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint",
      content = @Content(schema = @Schema(implementation = Views.WebhookEndpointView.class)))
  @APIResponse(
      responseCode = "404",
      description = "The province has no webhook endpoint",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Views.WebhookEndpointView readWebhook() {
    return webhooks.endpoint(province, caller.info());
  }

  @DELETE
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER})
  @Operation(
      summary = "Stop pushing to the province",
      description =
          "The endpoint is removed with the deliveries still queued for it. The notifications stay"
              + " readable at /api/v1/notifications.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(
      responseCode = "404",
      description = "The province has no webhook endpoint",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public void deregisterWebhook() {
    webhooks.remove(province, caller.info());
  }

  @GET
  @Path("/deliveries")
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER, ApiRoles.AUDITOR})
  @Operation(
      summary = "List the province's deliveries",
      description =
          "Newest first, with attempts and the last error. status=DEAD lists the dead letters.")
  @APIResponse(
      responseCode = "200",
      description = "One page of deliveries",
      content = @Content(schema = @Schema(implementation = Views.WebhookDeliveryPage.class)))
  public Views.WebhookDeliveryPage listWebhookDeliveries(
      @QueryParam("status") @Parameter(description = "Only deliveries in this state")
          DeliveryStatus status,
      @BeanParam PageParams pageParams) {
    return webhooks.deliveries(province, status, pageParams.paging(), caller.info());
  }

  @POST
  @Path("/deliveries/{deliveryId}/replay")
  @RolesAllowed({ApiRoles.REGISTRAR, ApiRoles.SUPERVISOR, ApiRoles.OFFICER})
  @Operation(
      summary = "Replay a delivery",
      description =
          "Queues a dead-lettered (or delivered) delivery again, behind those already queued, with"
              + " its id and body unchanged.")
  @APIResponse(
      responseCode = "200",
      description = "The delivery, queued again",
      content = @Content(schema = @Schema(implementation = Views.WebhookDeliveryView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No delivery to the province has this id",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The delivery is still queued",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Views.WebhookDeliveryView replayWebhookDelivery(
      @PathParam("deliveryId")
          @Parameter(
              description = "The delivery's id (its webhook-id)",
              example = "01a24f60-5d11-7a3e-8c0b-2e4f6a8b9c02")
          UUID deliveryId) {
    return webhooks.replay(province, deliveryId, caller.info());
  }
}
