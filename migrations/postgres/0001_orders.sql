-- The order book (SPEC §3). The full order is kept as JSON in `body`; the
-- columns beside it are the keys mail is linked by, normalised to upper-case
-- letters and digits so "SO-10231", "so10231" and "SO 10231" meet.
CREATE TABLE orders (
    id             TEXT PRIMARY KEY,
    id_key         TEXT NOT NULL,
    id_digits      TEXT NOT NULL,
    brand          TEXT NOT NULL,
    customer_email TEXT NOT NULL,
    status         TEXT NOT NULL,
    tracking_key   TEXT,
    po_key         TEXT,
    po_digits      TEXT,
    body           TEXT NOT NULL,
    imported_at    TEXT NOT NULL
);
CREATE INDEX orders_id_key ON orders (id_key);
CREATE INDEX orders_id_digits ON orders (id_digits);
CREATE INDEX orders_customer_email ON orders (customer_email);
CREATE INDEX orders_tracking_key ON orders (tracking_key);
CREATE INDEX orders_po_key ON orders (po_key);
CREATE INDEX orders_po_digits ON orders (po_digits);
