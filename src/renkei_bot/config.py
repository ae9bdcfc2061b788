"""Settings, read from the environment once. Tests pass a mapping instead of patching os.environ."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from renkei_bot.errors import ConfigError
from renkei_bot.paths import DATA_DIR, INTENTS_DIR

DEFAULT_API_URL = "https://slack.com/api/"
LOG_LEVELS = ("debug", "info", "warning", "error")
LOG_FORMATS = ("text", "json")


def default_state_db(env: Mapping[str, str]) -> Path:
    """$XDG_STATE_HOME/renkei-bot/renkei.sqlite3, else ~/.local/state/renkei-bot/ (XDG Base Directory)."""
    xdg = (env.get("XDG_STATE_HOME") or "").strip()
    home = (env.get("HOME") or "").strip()
    base = Path(xdg) if xdg else Path(home or "~").expanduser() / ".local" / "state"
    return base / "renkei-bot" / "renkei.sqlite3"


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = ((env.get(name) or "").strip() or default).lower()
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of {', '.join(choices)}: e.g. {name}={default}")
    return value


def _port(raw: str, name: str) -> int:
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"{name}={raw!r} is not a port number: set it to 1-65535, e.g. {name}=3000")
    return int(raw)


def _parse_today(raw: str, name: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-04-26") from None


def parse_today(raw: str | None, name: str = "--today") -> date | None:
    """A pinned "today" (--today / RENKEI_TODAY), or None for the real clock."""
    if raw is None or not raw.strip():
        return None
    return _parse_today(raw, name)


def _parse_positive(raw: str, name: str, example: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ConfigError(f"{name}={raw!r} is not a positive number: set it like {name}={example}")
    return value


def _parse_time(raw: str, name: str) -> time:
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", raw)
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        raise ConfigError(f"{name}={raw!r} is not a time: write it as HH:MM (Asia/Tokyo), e.g. 09:00")
    return time(int(m.group(1)), int(m.group(2)))


def _parse_duration(raw: str, name: str) -> float:
    """Seconds from 30 (minutes), 90s, 30m or 2h."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", raw.lower())
    if not m or float(m.group(1)) <= 0:
        raise ConfigError(f"{name}={raw!r} is not a duration: write minutes (30) or 90s, 30m, 2h")
    return float(m.group(1)) * {"s": 1, "": 60, "m": 60, "h": 3600}[m.group(2)]


@dataclass(frozen=True)
class Settings:
    bot_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_url: str = DEFAULT_API_URL
    command: str = "/renkei"
    port: int = 3000
    today: date | None = None
    data_dir: Path = DATA_DIR
    intents_dir: Path = INTENTS_DIR
    daily_channel: str | None = None
    daily_time: time = time(9, 0)
    daily_empty: str = "skip"  # "skip" or "upcoming"
    state_db: Path = Path("renkei.sqlite3")  # from_env: $XDG_STATE_HOME/renkei-bot/renkei.sqlite3
    log_level: str = "info"  # debug, info, warning or error
    log_format: str = "text"  # "text" or "json"
    health_port: int | None = None  # Socket Mode's /healthz; HTTP mode serves it on `port`
    state_url: str | None = field(default=None, repr=False)  # may hold a password
    daily_lease: float = 300.0  # seconds a claim on the daily post holds before another run may take it
    log_days: int = 90
    context_ttl: float = 1800.0  # seconds a DM keeps the context of its last answer
    log_salt: str | None = field(default=None, repr=False)  # key of the user-id hash in the log

    @property
    def state_location(self) -> str:
        """RENKEI_STATE_URL, or the SQLite file (RENKEI_STATE_DB) as a sqlite:/// URL."""
        return self.state_url or f"sqlite:///{self.state_db}"

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        def get(name: str) -> str | None:
            value = env.get(name)
            return value if value and value.strip() else None

        port = _port(get("PORT") or "3000", "PORT")
        health_raw = get("RENKEI_HEALTH_PORT")
        api_url = get("SLACK_API_URL") or DEFAULT_API_URL
        if not api_url.endswith("/"):
            api_url += "/"  # slack_sdk joins method names with urljoin, which drops a last segment without /
        empty = (get("RENKEI_DAILY_EMPTY") or "skip").lower()
        if empty not in ("skip", "upcoming"):
            raise ConfigError(f"RENKEI_DAILY_EMPTY={empty!r}: set it to 'skip' (post nothing) or 'upcoming'")
        command = get("RENKEI_COMMAND") or "/renkei"
        if not command.startswith("/"):
            raise ConfigError(f"RENKEI_COMMAND={command!r} must start with '/', e.g. /renkei")
        return cls(
            bot_token=get("SLACK_BOT_TOKEN"),
            signing_secret=get("SLACK_SIGNING_SECRET"),
            app_token=get("SLACK_APP_TOKEN"),
            api_url=api_url,
            command=command,
            port=port,
            today=parse_today(get("RENKEI_TODAY"), "RENKEI_TODAY"),
            data_dir=Path(get("RENKEI_DATA_DIR") or DATA_DIR),
            intents_dir=Path(get("RENKEI_INTENTS_DIR") or INTENTS_DIR),
            daily_channel=get("RENKEI_DAILY_CHANNEL"),
            daily_time=_parse_time(get("RENKEI_DAILY_TIME") or "09:00", "RENKEI_DAILY_TIME"),
            daily_empty=empty,
            state_db=Path(get("RENKEI_STATE_DB") or default_state_db(env)),
            log_level=_choice(env, "RENKEI_LOG_LEVEL", LOG_LEVELS, "info"),
            log_format=_choice(env, "RENKEI_LOG_FORMAT", LOG_FORMATS, "text"),
            health_port=_port(health_raw, "RENKEI_HEALTH_PORT") if health_raw else None,
            state_url=get("RENKEI_STATE_URL"),
            daily_lease=_parse_positive(get("RENKEI_DAILY_LEASE") or "300", "RENKEI_DAILY_LEASE", "300"),
            log_days=int(_parse_positive(get("RENKEI_LOG_DAYS") or "90", "RENKEI_LOG_DAYS", "90")),
            context_ttl=_parse_duration(get("RENKEI_CONTEXT_TTL") or "30", "RENKEI_CONTEXT_TTL"),
            log_salt=get("RENKEI_LOG_SALT"),
        )

    def require(self, *names: str) -> None:
        """Raise ConfigError naming every missing setting among SLACK_BOT_TOKEN, … ."""
        values = {
            "SLACK_BOT_TOKEN": self.bot_token,
            "SLACK_SIGNING_SECRET": self.signing_secret,
            "SLACK_APP_TOKEN": self.app_token,
            "RENKEI_DAILY_CHANNEL": self.daily_channel,
        }
        missing = [name for name in names if not values.get(name)]
        if missing:
            raise ConfigError(
                f"missing setting: {', '.join(missing)}. Set it in the environment "
                "(see README「Slackに導入する」)."
            )
