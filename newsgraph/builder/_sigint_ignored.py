"""Imported by the fork server (its preload): ignore SIGINT before the server saves the
handlers its children get back, so that every worker forked from it ignores a Ctrl-C, which
the command handles alone (``newsgraph.builder.interrupts.start_quiet_forkserver``)."""

import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
