"""Watching a process tree for network traffic leaving the machine, with strace.

``strace(log)`` is the command prefix that records every socket call of a command and its children;
``outside_traffic(text)`` reads that record and lists each attempt to reach another machine: a TCP connection,
a DNS query, or data sent over UDP. A UDP ``connect`` that sends nothing is only a route lookup (Chromium
probes whether IPv6 is reachable that way, and Python's ``socket`` examples find their own address so) and is
not counted, unless something is then sent on that socket.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
from pathlib import Path

CALLS = "socket,connect,close,sendto,sendmsg,sendmmsg,clone,clone3,fork,vfork"


def strace(log: Path | None = None) -> list[str] | None:
    """The command prefix that records ``CALLS`` into ``log``; None when strace is missing (a failure in CI,
    where scripts/setup.sh dev installs it)."""
    path = shutil.which("strace")
    if path is None:
        if os.environ.get("CI"):
            raise AssertionError("CI needs strace: scripts/setup.sh dev installs it")
        return None
    return [path, "-f", "-qq", "-e", "signal=none", "-e", f"trace={CALLS}", "-s", "0", "-o", str(log)]


_LINE = re.compile(r"^(\d+)\s+(.*)$")
_CALL = re.compile(r"^(\w+)\((\d+)?")
_INET = re.compile(r'sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)')
_INET6 = re.compile(r'sin6_port=htons\((\d+)\).*?inet_pton\(AF_INET6, "([^"]+)"')
_RESULT = re.compile(r"=\s*(-?\d+)")


def _outside(text: str) -> tuple[str, int] | None:
    """The first address in a syscall's text that is not this machine, as (address, port)."""
    for m in [*_INET.finditer(text), *_INET6.finditer(text)]:
        port, address = int(m.group(1)), m.group(2)
        ip = ipaddress.ip_address(address)
        mapped = getattr(ip, "ipv4_mapped", None)
        if not (ip.is_loopback or ip.is_unspecified or (mapped is not None and mapped.is_loopback)):
            return address, port
    return None


def outside_traffic(log: str) -> list[str]:
    """Each attempt in an strace record (made with :func:`strace`) to reach another machine, described."""
    pending: dict[str, str] = {}  # thread -> the first half of a call another thread interrupted
    process: dict[str, str] = {}  # thread -> the process it belongs to (threads share file descriptors)
    kinds: dict[tuple[str, str], str] = {}  # (process, fd) -> socket type
    routed: dict[tuple[str, str], tuple[str, int]] = {}  # UDP sockets connected to another machine
    found: list[str] = []
    for raw in log.splitlines():
        m = _LINE.match(raw)
        if not m:
            continue
        tid, text = m.groups()
        if text.endswith("<unfinished ...>"):
            pending[tid] = text[: -len("<unfinished ...>")]
            continue
        if text.startswith("<..."):
            text = pending.pop(tid, "") + text.split("resumed>", 1)[-1]
        call = _CALL.match(text)
        if not call:
            continue
        name, fd = call.group(1), call.group(2)
        result = _RESULT.findall(text)
        result = int(result[-1]) if result else -1
        proc = process.get(tid, tid)
        if name in {"clone", "clone3", "fork", "vfork"}:
            if result > 0:
                process[str(result)] = proc if "CLONE_THREAD" in text else str(result)
        elif name == "socket":
            if result >= 0:
                kinds[(proc, str(result))] = "udp" if "SOCK_DGRAM" in text else "tcp" if "SOCK_STREAM" in text else "?"
                routed.pop((proc, str(result)), None)
        elif name == "close" and fd:
            kinds.pop((proc, fd), None)
            routed.pop((proc, fd), None)
        elif name == "connect" and fd and (where := _outside(text)):
            kind = kinds.get((proc, fd), "?")
            if where[1] == 53:
                found.append(f"DNS query to {where[0]} ({raw})")
            elif kind != "udp":
                found.append(f"connection to {where[0]} port {where[1]} ({raw})")
            else:
                routed[(proc, fd)] = where
        elif name in {"sendto", "sendmsg", "sendmmsg"} and fd:
            if where := _outside(text) or routed.get((proc, fd)):
                found.append(f"data sent to {where[0]} port {where[1]} ({raw})")
    return found
