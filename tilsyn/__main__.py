"""Entry point for ``tilsyn`` and ``python -m tilsyn``.

With a subcommand (``tilsyn demo``, ``tilsyn import-residents`` ...) it runs the command line,
which never imports Qt; a word that is not a command is refused there with the usage text.
With only options (``--db FIL``) or nothing it opens the desktop app.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in args:
        from .selftest import run_self_test

        return run_self_test()
    from . import cli

    if cli.wants_cli(args):
        return cli.main(args)
    try:
        from .ui.app import run_gui

        return run_gui(args)
    except Exception as exc:  # noqa: BLE001 - outside the event loop: one Danish line, details in the log
        from .services import errorlog

        errorlog.report_to_stderr(exc)
        return 1


if __name__ == "__main__":
    sys.exit(main())
