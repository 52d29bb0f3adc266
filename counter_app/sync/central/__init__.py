"""The province's central PostgreSQL database: schema, administration, and the
side of push and pull that runs in its transactions."""
