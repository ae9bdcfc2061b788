"""Answers: Query + Store → Answer data (answer.py), and Answer → text + Block Kit (render.py)."""
