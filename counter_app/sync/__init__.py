"""The counter's sync client: the outbox hook, push, pull, applying the feed
locally, the round and its status. Speaks to the centre only through
counter_app.wire."""
