"""Domain errors. The core raises these; only the edges (CLI, Slack) turn them into messages."""

from __future__ import annotations


class RenkeiError(Exception):
    """Base class of every error renkei-bot raises on purpose."""


class DataError(RenkeiError):
    """A data file is malformed. The message names the file, the record and the field."""


class IngestError(RenkeiError):
    """The source document could not be read. The message says file:line and what was unreadable."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {problem}")


class ConfigError(RenkeiError):
    """A setting is missing or invalid. The message names the environment variable and the fix."""


class UsageError(ConfigError):
    """The command line asks for something impossible (a missing folder, a bad value). Exit code 2."""


class StartupError(RenkeiError):
    """Slack refused a token or could not be reached at start. The message names the mode and the fix."""


class StateError(RenkeiError):
    """The state store (RENKEI_STATE_URL) cannot be used. The message names it (password masked) and the fix."""


class StateUnavailable(StateError):
    """The state server cannot be reached right now; callers may degrade and try again later."""
