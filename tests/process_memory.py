"""Reading a process's memory the way a memory dump, a crash dump or a
hibernation file would expose it (Linux: ``/proc/PID/maps`` and
``/proc/PID/mem``; the reader must be the process itself, its parent, or
root).

``count(pid, needles)`` says how many times each needle occurs in every
readable mapping of the process, as bytes and, for text, as UTF-8, UTF-16
(Qt's strings) and UTF-32 (Python's widest strings).
"""

from __future__ import annotations

import re


def regions(pid: int):
    with open(f"/proc/{pid}/maps") as fh:
        for line in fh:
            parts = line.split()
            start, end = (int(x, 16) for x in parts[0].split("-"))
            perms = parts[1]
            name = parts[5] if len(parts) > 5 else ""
            if "r" not in perms or name in ("[vvar]", "[vsyscall]", "[vvar_vclock]"):
                continue
            yield start, end, name


def dump(pid: int) -> list[bytes]:
    out = []
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for start, end, _name in regions(pid):
            try:
                mem.seek(start)
                out.append(mem.read(end - start))
            except (OSError, ValueError, OverflowError):
                continue
    return out


def forms(needle) -> list[bytes]:
    if isinstance(needle, (bytes, bytearray)):
        return [bytes(needle)]
    return sorted({needle.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-32-le")})


def count(pid: int, needles: dict) -> dict[str, int]:
    """name -> occurrences of that needle (in any of its forms)."""
    blobs = dump(pid)
    out = {}
    for name, needle in needles.items():
        pats = [re.compile(re.escape(f)) for f in forms(needle)]
        out[name] = sum(len(p.findall(b)) for b in blobs for p in pats)
    return out
