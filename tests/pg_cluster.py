"""A throwaway PostgreSQL cluster for the tests and benches: Debian's server
binaries, a data folder and a Unix socket in a temporary folder, no TCP.

``initdb`` refuses to run as root, so as root the server runs as the
``postgres`` user (``runuser``) and the temporary folder is handed to it.
``Cluster.new_database()`` gives each test a fresh, empty database.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


class Cluster:
    def __init__(self):
        self.bin = binaries()
        if self.bin is None:
            raise RuntimeError("PostgreSQL's server binaries are missing: run "
                               "'bash .ci/setup --test' (Debian package postgresql).")
        self.root = Path(tempfile.mkdtemp(prefix="hq-pg-", dir="/tmp"))
        self.data = self.root / "data"
        self.socket = self.root / "sock"
        self.socket.mkdir()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            import pwd
            pw = pwd.getpwnam("postgres")
            for p in (self.root, self.socket):
                os.chown(p, pw.pw_uid, pw.pw_gid)
        os.chmod(self.root, 0o700)
        self._names = itertools.count(1)
        self.started = False

    def _run(self, *args, check=True):
        cmd = [str(self.bin / args[0]), *args[1:]]
        if self._as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> "Cluster":
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "--no-sync", "-E", "UTF8", "--locale=C")
        opts = (f"-k {self.socket} -c listen_addresses='' -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l",
                  str(self.root / "server.log"), "-w", "start")
        self.started = True
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}"

    def new_database(self, prefix: str = "hq") -> str:
        import psycopg
        name = f"{prefix}_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(host=str(self.socket), user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            # Sorted as a server set up with its usual defaults sorts (a
            # locale's collation, not the cluster's C): HQ must list alike.
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8 '
                         "LOCALE_PROVIDER icu ICU_LOCALE 'en-GB' LOCALE 'C.UTF-8'")
        return self.url(name)

    def stop(self) -> None:
        if self.started:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop",
                      check=False)
            self.started = False
        shutil.rmtree(self.root, ignore_errors=True)
