"""A real SMTP server for Lapor's tests (Debian's aiosmtpd) that stores what it receives in a Maildir.

Usage: python3 aiosmtpd-sink.py PORT MAILDIR [REFUSED_ADDRESS ...]

Recipients named on the command line are refused the way Postfix refuses an unknown mailbox
(550 5.1.1, quoting the address), so tests can see what a bounce does to logs and stored errors.
"""

import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    def __init__(self, maildir: str, refused: list[str]) -> None:
        super().__init__(maildir)
        self.refused = {address.lower() for address in refused}

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main() -> None:
    port, maildir, *refused = sys.argv[1:]
    controller = Controller(RefusingMailbox(maildir, refused), hostname="127.0.0.1", port=int(port))
    controller.start()
    # Serves on the controller's thread until the test stops it (see tether.py).
    threading.Event().wait()


if __name__ == "__main__":
    main()
