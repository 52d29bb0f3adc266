"""A seeded random fault schedule against the real sync: the soak.

Two or three counters of one agency, each with its own SQLite data directory
and its own role at a real PostgreSQL centre, each behind its own TCP proxy.
Every round picks one action at random (from ``random.Random(seed)``):

- ``receive``: the counter receives a few dossiers through the real service;
- ``sync``: an ordinary round, in process;
- ``kill``: ``counter-app sync`` as a child, SIGKILLed at a random moment;
- ``cut``: a round whose link is cut after a random number of server bytes;
- ``commit``: the link cut right after the centre committed (the COMMIT's
  answer swallowed), as test_link_cut_after_central_commit_before_the_answer;
- ``stall``: the link stops moving bytes for a while, then moves again;
- ``silent``: the link stops for good; the child is killed after a while
  (or, with ``silent_bound``, must end by itself within it);
- ``restart``: the centre is stopped (fast or immediate) and started again
  while a child syncs;
- ``twice``: two ``counter-app sync`` children of one counter at once.

At the end every fault is healed, each counter syncs until a round has nothing
to send or receive, and both sides are counted (``Tally``): a row a counter
made that the centre lacks is lost, a code or uuid held twice is doubled, an
entry still in an outbox or a round that outran its bound is stalled.

Only the public entry points are used (``sync_once``, the ``counter-app sync``
command), so the schedule keeps working whatever the push does inside.
"""

from __future__ import annotations

import contextlib
import random
import signal
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import make_url, text

from counter_app.centre.schema import engine_for
from counter_app.devtools.local_cluster import LocalCluster
from counter_app.sync.errors import CentralRefused, CentralUnreachable
from tests.conftest import Clock
from tests.sync.conftest import Centre, Desk
from tests.sync.support import (
    COMMIT_COMPLETE,
    central_uuids,
    cli_sync,
    local_rows,
    local_uuids,
    outbox_size,
    receive_many,
    route_through,
    wait_until,
)
from tests.sync.tcp_proxy import TcpProxy

DAY = datetime(2026, 11, 26, 8, 0)
# How long one round may take on a loaded two-core machine before it counts
# as stalled (a child's Python start alone can take seconds there).
ROUND_BOUND_S = 180.0
# Below a counter's thousand codes a day, with room for one more receive.
DAY_CODES = 950
# Rounds of the final healing, per counter, before it counts as stalled.
HEAL_ROUNDS = 8
ACTIONS = (
    ("receive", 5),
    ("sync", 2),
    ("kill", 3),
    ("cut", 3),
    ("commit", 2),
    ("stall", 1),
    ("silent", 1),
    ("restart", 1),
    ("twice", 1),
)
# A round's expected failures: anything else escaping sync_once is reported.
EXPECTED = (CentralUnreachable, CentralRefused)


@dataclass
class Tally:
    rounds: int = 0
    lost: int = 0
    doubled: int = 0
    stalled: int = 0
    seed: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    faults_fired: Counter[str] = field(default_factory=Counter)
    unexpected: list[str] = field(default_factory=list)
    receipts: int = 0
    quarantined: int = 0

    @property
    def ok(self) -> bool:
        return self.lost == self.doubled == self.stalled == 0

    def summary(self) -> str:
        return (
            f"soak: rounds={self.rounds} lost={self.lost} doubled={self.doubled} "
            f"stalled={self.stalled} seed={self.seed}"
        )

    def details(self) -> str:
        actions = " ".join(f"{k}={v}" for k, v in sorted(self.actions.items()))
        fired = " ".join(f"{k}={v}" for k, v in sorted(self.faults_fired.items()))
        return (
            f"soak: receipts={self.receipts} quarantined={self.quarantined} "
            f"unexpected={len(self.unexpected)}\nsoak: actions {actions}\nsoak: fired {fired}"
        )


@dataclass
class _Counter:
    desk: Desk
    proxy: TcpProxy
    received: list[str] = field(default_factory=list)


class FaultSchedule:
    """Runs rounds against ``desks`` until ``seconds`` have passed, then heals
    and counts. ``cluster`` is the centre's server (stopped and started by the
    ``restart`` action)."""

    def __init__(
        self,
        centre: Centre,
        cluster: LocalCluster,
        desks: list[Desk],
        seed: int,
        *,
        silent_bound: float | None = None,
        say: Callable[[str], None] = lambda _line: None,
    ) -> None:
        self.centre = centre
        self.cluster = cluster
        self.rng = random.Random(seed)
        self.silent_bound = silent_bound
        self.say = say
        self.tally = Tally(seed=seed)
        self.counters: list[_Counter] = []
        for desk in desks:
            proxy = TcpProxy("127.0.0.1", cluster.port).start()
            route_through(desk, proxy.port)
            self.counters.append(_Counter(desk, proxy))
        # A child's whole round, learnt from the children that were not killed,
        # so a kill's random moment falls inside a round, not after it.
        self._child_round_s = 4.0
        self._spawned: dict[int, float] = {}
        # What the centre sends in one round, learnt likewise, so a cut's
        # random byte count falls inside a round.
        self._round_bytes = 20_000
        # Receipts each counter handed out on the clock's day: a counter has
        # a thousand codes a day, so a long soak moves on to the next day.
        self.clock = desks[0].ctx.clock
        self._today: Counter[int] = Counter()

    def close(self) -> None:
        for c in self.counters:
            c.proxy.close()

    # -- the schedule ------------------------------------------------------

    def run(self, seconds: float) -> Tally:
        deadline = time.monotonic() + seconds
        names = [name for name, _ in ACTIONS]
        weights = [w for _, w in ACTIONS]
        while time.monotonic() < deadline:
            action = self.rng.choices(names, weights)[0]
            target = self.rng.choice(self.counters)
            started = time.monotonic()
            getattr(self, f"_{action}")(target)
            self.tally.rounds += 1
            self.tally.actions[action] += 1
            self.say(
                f"round {self.tally.rounds}: {action} {target.desk.registration.counter_name} "
                f"({time.monotonic() - started:.1f} s)"
            )
        self.heal()
        self.count()
        return self.tally

    def _receive(self, c: _Counter) -> None:
        k = self.rng.randint(1, 40)
        if self._today[id(c)] + k > DAY_CODES:
            self._next_working_day()
        self._today[id(c)] += k
        c.received += receive_many(c.desk, k, first=len(c.received))

    def _sync(self, c: _Counter) -> None:
        self._in_process(c)

    def _kill(self, c: _Counter) -> None:
        self._work(c)
        if self.rng.random() < 0.5:
            # Most such kills land inside its push or its pull, not its start.
            proc = self._spawn_connected(c)
        else:
            proc = self._spawn(c)
            time.sleep(self.rng.uniform(0.0, 1.2) * self._child_round_s)
        self._end_child(proc, kill=True)

    def _cut(self, c: _Counter) -> None:
        self._work(c)
        fired = c.proxy.cut_after_server_bytes(self.rng.randint(0, self._round_bytes))
        self._in_process(c)
        c.proxy.disarm()
        self._fired("cut", fired)

    def _commit(self, c: _Counter) -> None:
        # Either the first COMMIT after the centre applied a batch (the batch
        # commit, as the fault test finds it) or the k-th COMMIT of the round,
        # which still swallows a commit if the push writes in another way.
        self._work(c)
        nth = self.rng.randint(1, 3)
        after_write = self.rng.random() < 0.5
        seen = {"wrote": False, "commits": 0}

        def swallowed(chunk: bytes) -> bool:
            # central_push() answers with the batch's new high-water mark.
            seen["wrote"] = seen["wrote"] or b'"high_water"' in chunk
            if COMMIT_COMPLETE not in chunk:
                return False
            seen["commits"] += 1
            return bool(seen["wrote"]) if after_write else seen["commits"] >= nth

        fired = c.proxy.cut_when_server_sends(swallowed)
        self._in_process(c)
        c.proxy.disarm()
        self._fired("commit", fired)

    def _stall(self, c: _Counter) -> None:
        self._work(c)
        proc = self._spawn_connected(c)
        c.proxy.set_blackhole(True)
        try:
            time.sleep(self.rng.uniform(0.5, 4.0))
        finally:
            c.proxy.set_blackhole(False)
        self._end_child(proc, kill=False)

    def _silent(self, c: _Counter) -> None:
        self._work(c)
        proc = self._spawn_connected(c)
        c.proxy.set_blackhole(True)
        try:
            if self.silent_bound is None:
                # No deadline of the sync's own is asked for: the child is
                # ended like a desk an official closes.
                time.sleep(self.rng.uniform(1.0, 5.0))
                self._end_child(proc, kill=True)
            else:
                self._end_child(proc, kill=False, bound=self.silent_bound)
        finally:
            c.proxy.set_blackhole(False)
            # The centre's side of the dead link still holds its session (and
            # maybe the counter's lock): a silent link is also a dead one.
            c.proxy.cut()

    def _restart(self, c: _Counter) -> None:
        self._work(c)
        proc = self._spawn(c)
        time.sleep(self.rng.uniform(0.0, 1.0) * self._child_round_s)
        mode = self.rng.choice(("fast", "immediate"))
        self.cluster.stop(mode=mode)
        time.sleep(self.rng.uniform(0.0, 2.0))
        self._start_cluster()
        self._end_child(proc, kill=False)

    def _twice(self, c: _Counter) -> None:
        self._work(c)
        procs = [self._spawn(c), self._spawn(c)]
        for proc in procs:
            self._end_child(proc, kill=False, learn=True)

    # -- helpers -----------------------------------------------------------

    def _next_working_day(self) -> None:
        assert isinstance(self.clock, Clock), "the desks share one settable clock"
        self.clock.now += timedelta(days=1)
        while self.clock.now.weekday() >= 5:
            self.clock.now += timedelta(days=1)
        self._today.clear()

    def _work(self, c: _Counter) -> None:
        """Some dossiers first, most of the time, so the faulted round has a
        push to break and not only the feed's read."""
        if self.rng.random() < 0.7:
            self._receive(c)

    def _spawn(self, c: _Counter) -> subprocess.Popen[str]:
        proc = cli_sync(c.desk)
        self._spawned[proc.pid] = time.monotonic()
        return proc

    def _spawn_connected(self, c: _Counter) -> subprocess.Popen[str]:
        """A child, once it has connected to the centre (a link that goes
        silent before then only meets the connect timeout), and a random
        moment more."""
        connections = c.proxy.connections_total
        proc = self._spawn(c)
        with contextlib.suppress(AssertionError):
            wait_until(
                lambda: c.proxy.connections_total > connections or proc.poll() is not None,
                ROUND_BOUND_S,
                0.01,
            )
        time.sleep(self.rng.uniform(0.0, 0.5))
        return proc

    def _fired(self, fault: str, event: threading.Event) -> None:
        if event.is_set():
            self.tally.faults_fired[fault] += 1

    def _in_process(self, c: _Counter) -> bool:
        """One ``sync_once`` in a worker thread, bounded: a round that outruns
        its bound is stalled, and its link is cut so the thread ends."""
        errors: list[BaseException] = []

        def run() -> None:
            try:
                c.desk.sync()
            except BaseException as exc:  # judged below
                errors.append(exc)

        worker = threading.Thread(target=run, name="soak-sync", daemon=True)
        before = c.proxy.bytes_to_client
        worker.start()
        worker.join(ROUND_BOUND_S)
        if worker.is_alive():
            self.tally.stalled += 1
            self.say("a sync round outran its bound: stalled")
            c.proxy.cut()
            worker.join(ROUND_BOUND_S)
            return False
        if errors and not isinstance(errors[0], EXPECTED):
            self.tally.unexpected.append(repr(errors[0]))
            self.say(f"unexpected: {errors[0]!r}")
        if not errors:
            self._round_bytes = max(2_000, c.proxy.bytes_to_client - before)
        return not errors

    def _end_child(
        self,
        proc: subprocess.Popen[str],
        *,
        kill: bool,
        bound: float = ROUND_BOUND_S,
        learn: bool = False,
    ) -> None:
        """Kill the child now (``kill``) or wait for it within ``bound``; a
        child that outruns its bound is stalled and killed. With ``learn``
        its time aims the next kills."""
        started = self._spawned.pop(proc.pid, time.monotonic())
        if kill:
            proc.send_signal(signal.SIGKILL)
        try:
            _, err = proc.communicate(timeout=max(0.1, bound - (time.monotonic() - started)))
        except subprocess.TimeoutExpired:
            self.tally.stalled += 1
            self.say("a sync child outran its bound: stalled")
            proc.send_signal(signal.SIGKILL)
            _, err = proc.communicate()
            return
        if learn and proc.returncode == 0:
            self._child_round_s = max(1.0, time.monotonic() - started)
        if "Traceback" in (err or ""):
            self.tally.unexpected.append(err.strip().splitlines()[-1])
            self.say(f"unexpected: {err.strip().splitlines()[-1]}")

    def _start_cluster(self) -> None:
        old = self.cluster.port
        self.cluster.start()
        if self.cluster.port != old:
            # The port was taken meanwhile: the proxies and the centre's own
            # connection follow the server.
            for c in self.counters:
                c.proxy.target = ("127.0.0.1", self.cluster.port)
            self.centre.engine.dispose()
            self.centre.url = (
                make_url(self.centre.url)
                .set(port=self.cluster.port)
                .render_as_string(hide_password=False)
            )
            self.centre.engine = engine_for(self.centre.url)
        self.centre.engine.dispose()

    # -- healing and counting ----------------------------------------------

    def heal(self) -> None:
        """Every fault off, the centre up, then rounds until each counter is quiet."""
        if not self.cluster.is_running():
            self._start_cluster()
        for c in self.counters:
            c.proxy.disarm()
            c.proxy.set_blackhole(False)
        for c in self.counters:
            if not self._until_quiet(c):
                self.tally.stalled += 1
                self.say(f"{c.desk.registration.counter_name} not quiet after healing: stalled")
        # A second pass: the others' last pushes reach each counter's feed.
        for c in self.counters:
            self._until_quiet(c)

    def _until_quiet(self, c: _Counter) -> bool:
        for _ in range(HEAL_ROUNDS):
            try:
                report = c.desk.sync()
            except EXPECTED as exc:
                self.say(f"healing round failed: {exc!r}")
                time.sleep(1.0)
                continue
            if report.push.sent == 0 and report.pull.applied == 0 and outbox_size(c.desk) == 0:
                return True
        return False

    def count(self) -> None:
        """Lost, doubled and stalled, from both sides' tables."""
        t = self.tally
        central_codes = self._central_column("code")
        central_dossier_uuids = self._central_column("uuid")
        t.doubled += _excess(central_codes) + _excess(central_dossier_uuids)
        held_codes = set(central_codes)
        for c in self.counters:
            me = c.desk.registration.counter_uuid
            t.receipts += len(c.received)
            local_codes = [
                str(r[0])
                for r in local_rows(
                    c.desk, f"SELECT code FROM dossiers WHERE counter_uuid = '{me}'"
                )
            ]
            t.doubled += _excess(local_codes) + _excess(c.received)
            # Every receipt handed out is still in the counter's own book...
            t.lost += len(set(c.received) - set(local_codes))
            # ...and every code and row it made reached the centre, once.
            t.lost += len(set(local_codes) - held_codes)
            local = local_uuids(c.desk, include_refused=True)
            central = central_uuids(self.centre, c.desk)
            for kind, uuids in local.items():
                if kind != "dossier":
                    t.lost += len(set(uuids) - set(central[kind]))
                    t.doubled += _excess(central[kind])
            t.stalled += outbox_size(c.desk)
        t.quarantined = int(self.centre.scalar("SELECT count(*) FROM central_quarantine"))  # type: ignore[arg-type]

    def _central_column(self, column: str) -> list[str]:
        with self.centre.engine.connect() as conn:
            return [
                str(v)
                for v in conn.execute(text(f"SELECT {column} FROM central_dossiers")).scalars()
            ]


def _excess(values: list[str]) -> int:
    """How many values are there more than once would make them."""
    return len(values) - len(set(values))


@contextlib.contextmanager
def schedule(
    centre: Centre,
    cluster: LocalCluster,
    counters: int,
    seed: int,
    *,
    silent_bound: float | None = None,
    say: Callable[[str], None] = lambda _line: None,
) -> Iterator[FaultSchedule]:
    """``counters`` desks of one agency registered at ``centre``, ready to run."""
    clock = Clock(DAY)
    desks = [centre.desk(f"Quầy số {i + 1}", clock) for i in range(counters)]
    runner = FaultSchedule(centre, cluster, desks, seed, silent_bound=silent_bound, say=say)
    try:
        yield runner
    finally:
        runner.close()
