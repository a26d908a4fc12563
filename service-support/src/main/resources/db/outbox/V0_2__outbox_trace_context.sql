-- 链路追踪: the W3C traceparent of the request that wrote the row (null when it was not traced), so
-- the relay's send span continues that trace (docs/adr/0019-event-tracing.md).
ALTER TABLE outbox_event ADD COLUMN traceparent text;
