"""Runs a server for Lapor's tests and ties its life to the test process that started it.

Usage: python3 tether.py PROGRAM [ARGUMENT ...]

The test process holds the only writing end of this script's stdin. When that end closes, because
the test stopped the server or because the test process died (even by SIGKILL, when none of its
clean-up code runs), the program's whole process group is killed, helpers included. So no server
outlives the test run that started it. The program's output goes where this script's goes, and
its exit code becomes this script's.
"""

import os
import signal
import subprocess
import sys
import threading


def main() -> int:
    # Its own session, so one killpg reaches everything it starts (nginx workers, say).
    child = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, start_new_session=True)

    def end_group() -> None:
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def end_when_stdin_closes() -> None:
        while os.read(0, 4096):
            pass
        end_group()

    threading.Thread(target=end_when_stdin_closes, daemon=True).start()
    code = child.wait()
    end_group()
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(main())
