"""Exit when the editor that started the server is gone.

An editor that crashes never sends ``exit``; a server left behind keeps a core busy and its files
open. The client's ``processId`` (from ``initialize``) is polled; when it no longer exists, the
server process ends. There is no user state to save: everything the server holds is derived.
"""

from __future__ import annotations

import logging
import os
import threading
import time

log = logging.getLogger(__name__)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def watch_parent(pid: int | None, interval: float = 1.0) -> None:
    if not pid or pid == os.getpid():
        return

    def loop() -> None:
        while _alive(pid):
            time.sleep(interval)
        log.warning("the client process %s is gone: exiting", pid)
        os._exit(0)

    threading.Thread(target=loop, name="flaskscope-lifeline", daemon=True).start()
