"""Tasks shared between this process and forked workers: ``ekip report``'s first reading of a
repository (the posts' front matter and the snapshot files no cache has).

This process and the workers take task numbers from one counter (``tickets``, which
``checks.engine`` uses for ``ekip check`` too), so the work evens out (the two CPUs of a small
machine do not always run at the same speed). A
worker keeps its results until the counter is empty and sends them at once with ``marshal``
(results are plain strings, numbers, lists, tuples and dicts), so it never waits for this
process to read a pipe. A task whose result does not arrive (a worker that failed or was
killed) is done again here: nothing is lost, and an error shows where it happens, in this
process.

With one job, without ``os.fork``, or with a single task, every task runs here, in order. Fork
only from a process without threads (the MkDocs server and the language server do not use
this).
"""

from __future__ import annotations

import contextlib
import marshal
import os
from collections.abc import Callable, Sequence
from typing import Any

MAX_TASKS = 255  # task numbers are single bytes
Task = Callable[[], Any]


def tickets(count: int) -> tuple[int, Callable[[], int | None]]:
    """The shared counter of task numbers ``0 .. count - 1``: a pipe holding one byte per number
    (at most 255: within any pipe's buffer). Each read of one byte from a pipe goes to exactly
    one reader, so every number is taken once, by this process or a worker forked after this
    call; an empty pipe whose writing end is closed reads as the end (None). Returns the pipe's
    reading end (close it when done) and ``take``. (multiprocessing.Value would import ctypes
    and set up shared memory: 0.01-0.02 s before any work is done.)"""
    if count > MAX_TASKS:
        raise ValueError(f"at most {MAX_TASKS} tasks")
    reading, writer = os.pipe()
    os.write(writer, bytes(range(count)))
    os.close(writer)

    def take() -> int | None:
        ticket = os.read(reading, 1)
        return ticket[0] if ticket else None

    return reading, take


def run(tasks: Sequence[Task], jobs: int) -> list[Any]:
    """Every task's result, in task order, with ``jobs`` processes (this one included)."""
    if len(tasks) > MAX_TASKS:
        raise ValueError(f"at most {MAX_TASKS} tasks")
    if jobs < 2 or len(tasks) < 2 or not hasattr(os, "fork"):
        return [task() for task in tasks]
    import multiprocessing

    mp = multiprocessing.get_context("fork")
    counter, take = tickets(len(tasks))

    def child(conn: Any) -> None:
        done: list[tuple[int, Any]] = []
        with contextlib.suppress(BaseException):  # what is not sent is done again by the parent
            while (task := take()) is not None:
                done.append((task, tasks[task]()))
        with contextlib.suppress(BaseException):
            conn.send_bytes(marshal.dumps(done))
        conn.close()

    workers = []
    try:
        for _ in range(min(jobs, len(tasks)) - 1):
            receive, send = mp.Pipe(duplex=False)
            proc = mp.Process(target=child, args=(send,), daemon=True)
            proc.start()
            send.close()
            workers.append((proc, receive))
        out: dict[int, Any] = {}
        while (task := take()) is not None:
            out[task] = tasks[task]()
    finally:
        os.close(counter)
    for proc, receive in workers:
        with contextlib.suppress(EOFError, OSError, ValueError, TypeError):
            out.update(marshal.loads(receive.recv_bytes()))
        receive.close()
        proc.join()
    return [out[i] if i in out else tasks[i]() for i in range(len(tasks))]
