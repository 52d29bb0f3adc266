"""What crosses the link between a counter and the centre, shared by both sides:
a synced row's payload, a pushed batch, the feed's changes, the reasons the
centre gives for a refusal, the connection file, the link's time limits and
the central tables as the desk reads them. Imports nothing above the domain."""
