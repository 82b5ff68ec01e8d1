"""Asking the operating system to keep the window out of screen captures.

Windows: ``SetWindowDisplayAffinity(WDA_EXCLUDEFROMCAPTURE)``. macOS:
``NSWindow.sharingType = NSWindowSharingNone`` through the Objective-C
runtime. Elsewhere there is no such request, and the settings page says so.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0


def exclude_from_capture(widget) -> tuple[bool, str]:
    """(done, sentence) for the settings page."""
    try:
        if sys.platform == "win32":
            hwnd = int(widget.winId())
            ok = ctypes.windll.user32.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE)
            if ok:
                return True, "The window is hidden from screen capture and screen sharing."
            return False, "Windows refused to hide the window from screen capture."
        if sys.platform == "darwin":
            return _mac(widget)
    except Exception:  # a missing API must never stop the console opening
        return False, "Screen-capture protection could not be switched on."
    return False, "Screen-capture protection is not supported on this platform."


def _mac(widget) -> tuple[bool, str]:
    objc = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc"))
    objc.sel_registerName.restype = ctypes.c_void_p
    objc.sel_registerName.argtypes = [ctypes.c_char_p]
    send = objc.objc_msgSend
    view = ctypes.c_void_p(int(widget.winId()))     # an NSView on macOS
    send.restype = ctypes.c_void_p
    send.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    window = send(view, objc.sel_registerName(b"window"))
    if not window:
        return False, "Screen-capture protection could not find the window."
    send.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long]
    send.restype = None
    send(ctypes.c_void_p(window), objc.sel_registerName(b"setSharingType:"),
         NS_WINDOW_SHARING_NONE)
    return True, "The window is hidden from screen capture and screen sharing."
