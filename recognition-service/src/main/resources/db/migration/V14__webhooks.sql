-- Webhooks (风险信息预警, pushed): a province's HTTPS endpoint, and the deliveries of its
-- notifications to it, in order, each signed per Standard Webhooks. See docs/adr/0022-webhooks.md.
CREATE TABLE webhook_endpoint (
    province       text        PRIMARY KEY,
    url            text        NOT NULL,
    secret         text        NOT NULL,   -- whsec_ and base64 of the HMAC-SHA256 key
    registered_by  text        NOT NULL,
    registered_at  timestamptz NOT NULL
);

-- The order a province's deliveries go out in; a replayed delivery takes a new place at the end.
CREATE SEQUENCE webhook_delivery_order;

CREATE TABLE webhook_delivery (
    id               uuid        PRIMARY KEY,  -- the webhook-id header: the receiver's idempotency key
    province         text        NOT NULL,
    place            bigint      NOT NULL DEFAULT nextval('webhook_delivery_order'),
    notification_id  uuid        NOT NULL,
    event_type       text        NOT NULL,
    body             text        NOT NULL,     -- the JSON sent, byte for byte on every attempt
    status           text        NOT NULL,     -- PENDING, DELIVERED or DEAD
    attempts         integer     NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz
);
CREATE INDEX webhook_delivery_queue ON webhook_delivery (province, place) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_by_province ON webhook_delivery (province, status, created_at DESC);
