"""Reads the console's window as a screen reader does, over AT-SPI.

Run with the system's Python (``/usr/bin/python3``, Debian's
python3-pyatspi), on the same D-Bus session and display as the console:

    atspi_probe.py APP_NAME SECONDS

Waits up to SECONDS for an application whose name contains APP_NAME on the
accessibility bus, then prints one JSON line: every node under it as
``[role, name, showing]`` (showing: on screen now, not on a hidden page). Exit 2 if no such application appeared.
"""

import json
import sys
import time

import pyatspi


def walk(node, out, depth=0):
    if node is None or depth > 40 or len(out) > 2000:
        return
    try:
        showing = node.getState().contains(pyatspi.STATE_SHOWING)
        out.append([node.getRoleName(), node.name or "", showing])
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), out, depth + 1)
    except Exception:       # a node that went away while we read it
        return


def main() -> int:
    wanted, seconds = sys.argv[1].lower(), float(sys.argv[2])
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and wanted in (app.name or "").lower():
                nodes = []
                walk(app, nodes)
                if any(role in ("push button", "button") and shows for role, _n, shows in nodes):
                    print(json.dumps(nodes))
                    return 0
        time.sleep(0.5)
    return 2


if __name__ == "__main__":
    sys.exit(main())
