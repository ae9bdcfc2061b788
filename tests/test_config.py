"""Settings come from a mapping (never os.environ): defaults, operations settings and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from renkei_bot.config import Settings
from renkei_bot.errors import ConfigError


def test_state_defaults_to_xdg_state_home_not_the_working_directory() -> None:
    xdg = Settings.from_env({"XDG_STATE_HOME": "/var/lib/s", "HOME": "/home/u"})
    assert xdg.state_db == Path("/var/lib/s/renkei-bot/renkei.sqlite3")
    home = Settings.from_env({"HOME": "/home/u"})
    assert home.state_db == Path("/home/u/.local/state/renkei-bot/renkei.sqlite3")
    pinned = Settings.from_env({"RENKEI_STATE_DB": "/data/x.sqlite3", "XDG_STATE_HOME": "/var/lib/s"})
    assert pinned.state_db == Path("/data/x.sqlite3")


def test_log_settings_and_health_port() -> None:
    s = Settings.from_env(
        {"RENKEI_LOG_LEVEL": "DEBUG", "RENKEI_LOG_FORMAT": "JSON", "RENKEI_HEALTH_PORT": "8080"}
    )
    assert (s.log_level, s.log_format, s.health_port) == ("debug", "json", 8080)
    d = Settings.from_env({})
    assert (d.log_level, d.log_format, d.health_port) == ("info", "text", None)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"RENKEI_LOG_LEVEL": "loud"}, "RENKEI_LOG_LEVEL='loud' is not one of debug, info, warning, error"),
        ({"RENKEI_LOG_FORMAT": "xml"}, "RENKEI_LOG_FORMAT='xml' is not one of text, json"),
        ({"RENKEI_HEALTH_PORT": "99999"}, "RENKEI_HEALTH_PORT='99999' is not a port number"),
        ({"PORT": "x"}, "PORT='x' is not a port number"),
    ],
)
def test_a_bad_setting_is_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace("(", r"\(")):
        Settings.from_env(env)
