"""A real SMTP server for the tests: aiosmtpd, relaying every message to
Dovecot's LMTP so tests read notices back over IMAP. Recipients are mapped
to their local part (Dovecot's username_format=%n); an unknown one gets
Dovecot's real 550.

usage: /usr/bin/python3 smtp_relay.py SMTP_PORT LMTP_PORT
"""
import asyncio
import smtplib
import sys

from aiosmtpd.controller import Controller


class Relay:
    def __init__(self, lmtp_port):
        self.lmtp_port = lmtp_port

    async def handle_DATA(self, server, session, envelope):
        try:
            with smtplib.LMTP("127.0.0.1", self.lmtp_port) as lmtp:
                refused = lmtp.sendmail(envelope.mail_from, envelope.rcpt_tos, envelope.original_content)
        except smtplib.SMTPRecipientsRefused as e:
            code, msg = next(iter(e.recipients.values()))
            return f"{code} {msg.decode(errors='replace')}"
        except (OSError, smtplib.SMTPException) as e:
            return f"451 4.3.0 LMTP relay failed: {e}"
        if refused:
            code, msg = next(iter(refused.values()))
            return f"{code} {msg.decode(errors='replace')}"
        return "250 OK delivered"


async def main():
    smtp_port, lmtp_port = int(sys.argv[1]), int(sys.argv[2])
    controller = Controller(Relay(lmtp_port), hostname="127.0.0.1", port=smtp_port)
    controller.start()
    print("ready", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
