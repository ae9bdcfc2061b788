# renkei-bot: a slim, non-root image with the wheel (data and intents inside) and no dev tools.
#   docker build -t renkei-bot:latest .
#   docker run --env-file .env renkei-bot:latest                 # Socket Mode (serve)
#   docker run --env-file .env -p 3000:3000 renkei-bot:latest serve --http
# The install steps are scripts/install-wheel.sh, which tests/test_package.py runs against a fresh venv.

FROM python:3.11-slim AS build
WORKDIR /src
RUN pip install --no-cache-dir "build>=1.2,<2"
COPY pyproject.toml README.md LICENSE ./
COPY data ./data
COPY intents ./intents
COPY src ./src
RUN python -m build --wheel --outdir /dist

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PATH=/opt/renkei-bot/bin:$PATH
COPY scripts/install-wheel.sh /usr/local/bin/install-wheel.sh
COPY --from=build /dist/ /tmp/dist/
RUN sh /usr/local/bin/install-wheel.sh /tmp/dist/renkei_bot-*.whl /opt/renkei-bot \
    && rm -rf /tmp/dist \
    && useradd --create-home --uid 10001 renkei \
    && mkdir -p /state && chown renkei /state

USER renkei
WORKDIR /home/renkei
# PORT is HTTP mode's port; RENKEI_HEALTH_PORT is Socket Mode's /healthz. The same port in both modes,
# so one HEALTHCHECK fits both. State (the daily post's record) lives in the /state volume.
ENV PORT=3000 \
    RENKEI_HEALTH_PORT=3000 \
    XDG_STATE_HOME=/state
VOLUME ["/state"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=4)"]
ENTRYPOINT ["renkei-bot"]
CMD ["serve"]
