"""The Slack adapter: the only package that imports slack_bolt and slack_sdk.

build_app() wires the listeners; server.py runs them over HTTP (starlette + uvicorn) or Socket Mode.
"""
