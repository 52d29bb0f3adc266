"""The province's centre: its PostgreSQL schema (the push's checks run there,
migrations/), registration, the catalogue, officials, calendar and portal
dossiers it sends down, and the feed it writes. Never imported by a desk's
runtime; shares only counter_app.wire with it."""
