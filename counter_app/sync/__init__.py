"""Synchronisation between counters and the central PostgreSQL database."""
