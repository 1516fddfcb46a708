"""The normalizer's own process: ``python -m translit.dataset.worker``, driven over its pipes.

Normalizing names is pure Python, so in the process that reads and writes the file it
holds the interpreter lock the reading and writing threads need now and then, and it
gets at most one core. Run here instead, it has a core of its own.

The protocol (:class:`~translit.dataset.offload.WorkerProcess` is the other side):
frames of pickled values, each an 8-byte little-endian length and that many bytes,
on standard input and output. The first frame is the normalizer (a picklable
callable, :class:`~translit.dataset.normalizer.DefaultNormalizer`); each further frame
a list of names, answered by one frame: ``("ok", columns)`` with the names' added
values (:func:`~translit.dataset.columns.normalize_columns`) or ``("error", exception)``.
End of input ends the process. Pickle is safe here: both ends are this package, on
the same machine, over a pipe no one else holds.
"""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
from typing import IO, Any

_LENGTH = struct.Struct("<Q")


def write_frame(stream: IO[bytes], value: object) -> None:
    """Send ``value`` as one frame and flush."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)))
    stream.write(data)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Any:
    """The value of the next frame; :class:`EOFError` at the end of the stream."""
    size = _LENGTH.unpack(_read_exactly(stream, _LENGTH.size))[0]
    return pickle.loads(_read_exactly(stream, size))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    while len(data) < size:  # a raw stream may return less than asked
        more = stream.read(size - len(data))
        if not more:
            raise EOFError("the stream ended inside a frame" if data else "end of stream")
        data += more
    return data


def portable(error: Exception) -> Exception:
    """``error`` if it survives pickling, else a plain :class:`RuntimeError` saying what it was."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def serve(requests: IO[bytes], replies: IO[bytes]) -> None:
    """Answer frames of names until ``requests`` ends (the protocol in the module docstring)."""
    from translit._util.gctune import fewer_full_collections
    from translit.dataset.columns import normalize_columns

    normalizer: Any = None
    failure: Exception | None = None
    try:
        normalizer = read_frame(requests)
        warm_up = getattr(normalizer, "warm_up", None)
        if warm_up is not None:
            warm_up()  # while the first names are being read
    except EOFError:
        return
    except Exception as exc:  # reported with the first names
        failure = exc
    with fewer_full_collections():
        while True:
            try:
                names = read_frame(requests)
            except EOFError:
                return
            try:
                if failure is not None:
                    raise failure
                reply: tuple[str, object] = ("ok", normalize_columns(normalizer, names))
            except Exception as exc:
                reply = ("error", portable(exc))
            write_frame(replies, reply)


def main(*, idle: bool = False) -> None:
    """Serve on standard input and output; stray prints go to standard error instead.

    ``idle``: run at the lowest priority, on CPU time no other process wants. Ends
    with :func:`os._exit`: tearing down the normalizer's caches object by object would
    take longer than the last chunks did, and nothing is left to flush.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it ends us on Ctrl-C
    if idle and hasattr(os, "nice"):
        os.nice(19)
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    code = 0
    try:
        serve(sys.stdin.buffer, replies)
    except (BrokenPipeError, EOFError):  # the parent is gone
        pass
    except BaseException:  # a bug of ours: shown, and the parent sees the exit status
        import traceback

        traceback.print_exc()
        code = 1
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
