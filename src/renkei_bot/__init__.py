"""renkei-bot: answers questions about the 特別区全国連携プロジェクト from structured records."""

__version__ = "0.1.0"
