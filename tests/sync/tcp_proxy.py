"""A TCP proxy between a client and PostgreSQL, for fault-injection tests.

The sync code talks to the centre through ``proxy.port`` instead of the
server's port; the test then pulls the cable (``cut``), stalls the network
(``set_blackhole``) or cuts at a chosen moment of the server's reply
(``cut_when_server_sends``), e.g. after the server committed but before the
client heard about it. An upload can be slowed (``limit_rate``) and cut after
a number of the client's bytes (``cut_after_client_bytes``).
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger(__name__)

CHUNK = 65536
ACCEPT_POLL_S = 0.1

# Given a chunk the server sent, return how many of its bytes to forward
# before cutting every connection, or None to forward it all and go on.
ServerTrigger = Callable[[bytes], int | None]


def _after_bytes(n: int) -> ServerTrigger:
    """A trigger that lets ``n`` bytes through, then cuts."""
    remaining = n

    def trigger(chunk: bytes) -> int | None:
        nonlocal remaining
        if len(chunk) < remaining:
            remaining -= len(chunk)
            return None
        return remaining

    return trigger


class _Link:
    """One client connection and its upstream connection to the server."""

    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.client = client
        self.server = server
        self.lock = threading.Lock()
        self.pumps_left = 2
        self.closed = False

    def shutdown(self, reset: bool) -> None:
        # shutdown() wakes the pump threads blocked in recv()/sendall(); the
        # sockets are closed by the last pump to leave, so no thread ever
        # uses a closed file descriptor.
        with self.lock:
            if self.closed:
                return
            for sock in (self.client, self.server):
                with contextlib.suppress(OSError):
                    if reset:
                        # Linger 0: close() then sends RST instead of FIN.
                        sock.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )
                    sock.shutdown(socket.SHUT_RDWR)

    def pump_done(self) -> bool:
        """Record one pump leaving; True when the link is fully closed."""
        with self.lock:
            self.pumps_left -= 1
            if self.pumps_left > 0:
                return False
            self.closed = True
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.close()
        return True


class TcpProxy:
    """Forward 127.0.0.1:<ephemeral port> to ``target_host:target_port``."""

    def __init__(self, target_host: str, target_port: int, listen_host: str = "127.0.0.1"):
        self.target = (target_host, target_port)
        self.listen_host = listen_host
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._threads: list[threading.Thread] = []
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        # Pumps wait on it while blackholed; notified on any change.
        self._flowing = threading.Condition(self._lock)
        self._blackhole = False
        self._stopping = False
        self._server_trigger: ServerTrigger | None = None
        self._client_trigger: ServerTrigger | None = None
        self._client_fired: threading.Event | None = None
        self._rate: float | None = None
        self._trigger_fired: threading.Event | None = None
        self._cut_generation = 0
        self.bytes_to_server = 0
        self.bytes_to_client = 0
        self.connections_total = 0
        self.port = 0

    # -- lifecycle ---------------------------------------------------------

    def start(self) -> TcpProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.listen_host, 0))
        listener.listen(64)
        # A timeout lets the accept loop notice close() without another socket.
        listener.settimeout(ACCEPT_POLL_S)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._accept_thread = threading.Thread(
            target=self._accept_loop, name=f"proxy-accept-{self.port}", daemon=True
        )
        self._accept_thread.start()
        log.debug("proxy 127.0.0.1:%d -> %s:%d", self.port, *self.target)
        return self

    def close(self) -> None:
        """Stop accepting, cut every connection and wait for the threads."""
        with self._lock:
            self._stopping = True
            self._flowing.notify_all()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=5)
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        self.cut()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- faults ------------------------------------------------------------

    @property
    def active_connections(self) -> int:
        with self._lock:
            return len(self._links)

    def cut(self, reset: bool = False) -> int:
        """Close every live connection both ways now; return how many.

        The client sees the connection closed (FIN, or RST with ``reset``);
        new connections through the proxy work as before.
        """
        return self._cut(reset, None)

    def _cut(self, reset: bool, fired: threading.Event | None) -> int:
        with self._lock:
            links = list(self._links)
            self._links.clear()
            self._cut_generation += 1
            # Data held back by a blackhole belongs to the cut connections.
            self._flowing.notify_all()
        # Set before the shutdown, so a client that sees its connection drop
        # also sees the event set.
        if fired is not None:
            fired.set()
        for link in links:
            link.shutdown(reset)
        if links:
            log.debug("proxy %d: cut %d connection(s)", self.port, len(links))
        return len(links)

    def set_blackhole(self, on: bool) -> None:
        """Stall both directions (data is held, not lost) until switched off.

        Like a network that silently stops delivering packets: connections stay
        open, the client waits until its own timeout fires. TCP retransmits, so
        held data is delivered once the blackhole is switched off.
        """
        with self._lock:
            self._blackhole = on
            self._flowing.notify_all()

    def cut_when_server_sends(
        self, predicate: Callable[[bytes], bool], *, forward: bool = False
    ) -> threading.Event:
        """One-shot: cut every connection when a server chunk matches.

        ``predicate`` sees each chunk the server sends (TCP chunks, not protocol
        messages: a small message such as CommandComplete arrives whole in
        practice). With ``forward`` the matching chunk reaches the client first;
        by default it is dropped, so the client never learns the outcome.
        Returns an Event set when the cut happened.
        """

        def trigger(chunk: bytes) -> int | None:
            if not predicate(chunk):
                return None
            return len(chunk) if forward else 0

        return self._arm(trigger)

    def cut_after_server_bytes(self, n: int) -> threading.Event:
        """One-shot: forward ``n`` more server bytes (all connections), then cut."""
        return self._arm(_after_bytes(n))

    def limit_rate(self, bytes_per_s: float | None) -> None:
        """Forward the client's bytes at most this fast (None: as fast as they come)."""
        with self._lock:
            self._rate = bytes_per_s

    def cut_after_client_bytes(self, n: int) -> threading.Event:
        """One-shot: forward ``n`` more client bytes (all connections), then cut."""
        fired = threading.Event()
        with self._lock:
            self._client_trigger = _after_bytes(n)
            self._client_fired = fired
        return fired

    def disarm(self) -> None:
        with self._lock:
            self._server_trigger = None
            self._trigger_fired = None

    def _arm(self, trigger: ServerTrigger) -> threading.Event:
        fired = threading.Event()
        with self._lock:
            self._server_trigger = trigger
            self._trigger_fired = fired
        return fired

    # -- threads -----------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        listener = self._listener
        while True:
            with self._lock:
                if self._stopping:
                    return
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            try:
                server = socket.create_connection(self.target, timeout=10)
            except OSError as exc:
                log.debug("proxy %d: upstream connect failed: %s", self.port, exc)
                client.close()
                continue
            server.settimeout(None)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link(client, server)
            with self._lock:
                if self._stopping:
                    client.close()
                    server.close()
                    return
                self._links.add(link)
                self.connections_total += 1
                generation = self._cut_generation
                # Forget finished threads so a long test does not pile them up.
                self._threads = [t for t in self._threads if t.is_alive()]
                for src, dst, to_server in ((client, server, True), (server, client, False)):
                    thread = threading.Thread(
                        target=self._pump,
                        args=(link, src, dst, to_server, generation),
                        name=f"proxy-{self.port}-{'up' if to_server else 'down'}",
                        daemon=True,
                    )
                    self._threads.append(thread)
                    thread.start()

    def _pump(
        self,
        link: _Link,
        src: socket.socket,
        dst: socket.socket,
        to_server: bool,
        generation: int,
    ) -> None:
        try:
            while True:
                try:
                    chunk = src.recv(CHUNK)
                except OSError:
                    break
                if not chunk:
                    break
                if not self._wait_flowing(generation):
                    break
                cut_after: int | None = None
                fired: threading.Event | None = None
                cut_after, fired = self._check_trigger(chunk, to_server)
                if cut_after is not None:
                    chunk = chunk[:cut_after]
                try:
                    if chunk:
                        dst.sendall(chunk)
                except OSError:
                    break
                with self._lock:
                    rate = self._rate if to_server else None
                    if to_server:
                        self.bytes_to_server += len(chunk)
                    else:
                        self.bytes_to_client += len(chunk)
                if rate:
                    time.sleep(len(chunk) / rate)
                if cut_after is not None:
                    self._cut(False, fired)
                    break
        finally:
            # One side ended: end the other too, as PostgreSQL has no use for a
            # half-open connection.
            link.shutdown(reset=False)
            with self._lock:
                self._links.discard(link)
            link.pump_done()

    def _wait_flowing(self, generation: int) -> bool:
        """Block while blackholed; False if the connection was cut meanwhile."""
        with self._lock:
            while self._blackhole and not self._stopping and generation == self._cut_generation:
                self._flowing.wait()
            return not self._stopping and generation == self._cut_generation

    def _check_trigger(
        self, chunk: bytes, to_server: bool = False
    ) -> tuple[int | None, threading.Event | None]:
        with self._lock:
            trigger = self._client_trigger if to_server else self._server_trigger
            if trigger is None:
                return None, None
            keep = trigger(chunk)
            if keep is None:
                return None, None
            # One-shot: disarm before another connection can match.
            if to_server:
                fired = self._client_fired
                self._client_trigger = None
                self._client_fired = None
            else:
                fired = self._trigger_fired
                self._server_trigger = None
                self._trigger_fired = None
        return keep, fired
