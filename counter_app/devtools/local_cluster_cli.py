"""The local cluster's command line, for ``make central`` and the demo::

python -m counter_app.devtools.local_cluster_cli start --dir out/central
python -m counter_app.devtools.local_cluster_cli url --dir out/central
python -m counter_app.devtools.local_cluster_cli stop --dir out/central
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from counter_app.devtools.local_cluster import LocalCluster
from counter_app.devtools.pg_server import ClusterError

log = logging.getLogger(__name__)

DEFAULT_DATABASE = "counter_central"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m counter_app.devtools.local_cluster_cli",
        description="Manage a local PostgreSQL cluster for counter_app's central database.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug output")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("start", "initialise if needed, start, create the database and print its URL"),
        ("stop", "stop the cluster"),
        ("url", "print the database URL"),
        ("status", "exit 0 if the cluster runs, 3 if not"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--dir", required=True, type=Path, help="cluster data directory")
        if name in ("start", "url"):
            sub.add_argument("--database", default=DEFAULT_DATABASE, help="database name")
        if name == "start":
            sub.add_argument("--port", type=int, default=None, help="TCP port (default: free)")
        if name == "stop":
            sub.add_argument("--mode", choices=("smart", "fast", "immediate"), default="fast")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        if args.command == "start":
            cluster = LocalCluster(args.dir, port=args.port)
            cluster.init()
            cluster.start()
            cluster.create_database(args.database)
            print(cluster.superuser_url(args.database))
        elif args.command == "stop":
            LocalCluster(args.dir).stop(mode=args.mode)
        elif args.command == "url":
            cluster = LocalCluster(args.dir)
            if not cluster.is_initialised():
                raise ClusterError(f"{args.dir} holds no cluster: run 'start' first")
            print(cluster.superuser_url(args.database))
        elif args.command == "status":
            running = LocalCluster(args.dir).is_running()
            log.info("cluster in %s is %s", args.dir, "running" if running else "stopped")
            return 0 if running else 3
    except ClusterError as exc:
        log.error("%s", exc)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
