"""Worker processes: how many cores this process may use, and a pool forked where the system can fork.

Shared by the loader (checking files, placing warnings) and the SQLite export (two tables at once). A forked
worker shares the parent's modules and values as they were at the fork, so a value handed over by an
initializer is not pickled; where there is no fork (Windows), callers that hand over large values stay in
one process (`can_fork`).
"""

from __future__ import annotations

import os


def jobs_available() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def pool(jobs: int, **options):
    """A pool of worker processes, forked where the system can (workers then share the parent's modules)."""
    import multiprocessing

    return multiprocessing.get_context("fork" if can_fork() else None).Pool(jobs, **options)


def forked_executor(jobs: int, initializer=None, initargs=()):
    """A process pool of forked workers (only where `can_fork`), as concurrent.futures has it: unlike
    multiprocessing's Pool, a worker that dies (killed for memory) fails its future instead of leaving it
    waiting for ever."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=initializer,
                               initargs=initargs)
