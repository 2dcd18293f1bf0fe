-- The notices an order already got (the WISMO reply lists them, and the
-- loop guard reads them) are looked up by order for every message: without
-- an index that read scans the whole outbox, and a backlog slows down as
-- the outbox grows.
CREATE INDEX outbox_order ON outbox (order_id, channel);
