"""The container, compose and Kubernetes files, checked without a container daemon: they parse, use the
image the Dockerfile builds, run real commands, and probe the real port and path. The Dockerfile's
install steps are scripts/install-wheel.sh, which tests/test_package.py runs against a fresh venv."""

from __future__ import annotations

import json
import re
import shlex
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from renkei_bot import cli
from renkei_bot.health import HEALTH_PATH
from renkei_bot.paths import PROJECT_ROOT

DOCKERFILE = PROJECT_ROOT / "Dockerfile"
COMPOSE = PROJECT_ROOT / "compose.yaml"
KUBERNETES = PROJECT_ROOT / "docs" / "deploy" / "kubernetes.yaml"
SETTINGS_SOURCE = (PROJECT_ROOT / "src" / "renkei_bot" / "config.py").read_text(encoding="utf-8")
OTHER_ENV = {"PATH", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "PIP_NO_CACHE_DIR"}


def instructions() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            out.append((keyword.upper(), rest.strip()))
    return out


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, rest in instructions():
        if keyword == "ENV":
            env.update(item.split("=", 1) for item in shlex.split(rest))
    return env


def runs_a_real_command(args: list[str]) -> None:
    parser = cli.build_parser()
    try:
        parsed = parser.parse_args(args)
    except SystemExit as exc:
        raise AssertionError(f"renkei-bot {' '.join(args)} is not a valid command") from exc
    assert getattr(parsed, "handler", None), args


def test_the_dockerfile_is_multi_stage_slim_non_root_without_dev_tools() -> None:
    steps = instructions()
    froms = [rest for keyword, rest in steps if keyword == "FROM"]
    assert len(froms) >= 2 and all(f.startswith("python:3.11-slim") for f in froms)
    runtime = steps[max(i for i, (k, _) in enumerate(steps) if k == "FROM") :]
    users = [rest for keyword, rest in runtime if keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    run = " ".join(rest for keyword, rest in runtime if keyword == "RUN")
    assert "install-wheel.sh /tmp/dist/renkei_bot-*.whl" in run  # the script tests/test_package.py runs
    assert "[dev]" not in DOCKERFILE.read_text(encoding="utf-8") and " -e " not in run
    assert ("ENTRYPOINT", '["renkei-bot"]') in steps
    cmd = json.loads(next(rest for keyword, rest in steps if keyword == "CMD"))
    runs_a_real_command(cmd)


def test_the_dockerfile_healthcheck_probes_the_port_both_modes_listen_on() -> None:
    env = dockerfile_env()
    assert env["PORT"] == env["RENKEI_HEALTH_PORT"] == "3000"
    check = next(rest for keyword, rest in instructions() if keyword == "HEALTHCHECK")
    assert f"http://127.0.0.1:{env['PORT']}{HEALTH_PATH}" in check
    assert ("EXPOSE", env["PORT"]) in instructions()


def test_every_file_the_dockerfile_copies_exists_and_is_not_docker_ignored() -> None:
    ignored = {
        line.strip() for line in (PROJECT_ROOT / ".dockerignore").read_text().splitlines() if line.strip()
    }
    for keyword, rest in instructions():
        if keyword == "COPY" and not rest.startswith("--from"):
            *sources, _ = rest.split()
            for source in sources:
                assert (PROJECT_ROOT / source).exists(), f"COPY {source}: no such file"
                assert source.rstrip("/") not in ignored, f"COPY {source} is in .dockerignore"


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return loaded


def bots(services: dict[str, Any]) -> dict[str, Any]:
    return {name: service for name, service in services.items() if name != "postgres"}


def test_compose_runs_socket_mode_and_http_mode_from_the_dockerfile_image() -> None:
    services = compose()["services"]
    assert set(services) == {"bot", "bot-http", "bot-replicas", "postgres"}
    for service in bots(services).values():
        assert service["build"] == "." and service["image"] == "renkei-bot:latest"
        runs_a_real_command(service["command"])
    assert services["bot"]["command"] == ["serve"]
    assert services["bot"]["environment"]["RENKEI_HEALTH_PORT"] == dockerfile_env()["PORT"]
    assert services["bot-http"]["command"] == ["serve", "--http"]
    assert services["bot-http"]["ports"] == [f"{services['bot-http']['environment']['PORT']}:3000"]


def kubernetes() -> dict[str, dict[str, Any]]:
    return {doc["kind"]: doc for doc in yaml.safe_load_all(KUBERNETES.read_text(encoding="utf-8"))}


def containers(kind: str) -> list[dict[str, Any]]:
    spec = kubernetes()[kind]["spec"]
    pod = spec["jobTemplate"]["spec"]["template"] if kind == "CronJob" else spec["template"]
    found: list[dict[str, Any]] = pod["spec"]["containers"]
    return found


def test_kubernetes_deployment_probes_the_health_endpoint_of_socket_mode() -> None:
    (bot,) = containers("Deployment")
    assert bot["image"] == compose()["services"]["bot"]["image"]
    runs_a_real_command(bot["args"])
    assert bot["args"] == ["serve"]
    env = {item["name"]: item.get("value") for item in bot["env"]}
    assert "SLACK_APP_TOKEN" in env  # Socket Mode
    for probe in ("readinessProbe", "livenessProbe"):
        get = bot[probe]["httpGet"]
        assert (get["path"], str(get["port"])) == (HEALTH_PATH, env["RENKEI_HEALTH_PORT"])


def test_kubernetes_cronjob_posts_the_anniversaries_with_the_same_image() -> None:
    (post,) = containers("CronJob")
    assert post["image"] == containers("Deployment")[0]["image"]
    assert post["args"] == ["post-anniversaries"]
    runs_a_real_command(post["args"])
    mounts = {m["mountPath"] for m in post["volumeMounts"]}
    assert dockerfile_env()["XDG_STATE_HOME"] in mounts  # the post's record survives the pod


def test_kubernetes_secret_holds_every_key_the_pods_read() -> None:
    secret = kubernetes()["Secret"]
    for container in containers("Deployment") + containers("CronJob"):
        for item in container["env"]:
            ref = item.get("valueFrom", {}).get("secretKeyRef")
            if ref:
                assert ref["name"] == secret["metadata"]["name"] and ref["key"] in secret["stringData"]


@pytest.mark.parametrize("where", ["Dockerfile", "compose", "Deployment", "CronJob"])
def test_every_setting_named_is_one_renkei_bot_reads(where: str) -> None:
    if where == "Dockerfile":
        names = set(dockerfile_env())
    elif where == "compose":
        names = {n for s in bots(compose()["services"]).values() for n in s.get("environment", {})}
    else:
        names = {item["name"] for c in containers(where) for item in c["env"]}
    for name in names - OTHER_ENV:
        assert f'"{name}"' in SETTINGS_SOURCE, f"{where} sets {name}, which config.py never reads"


def test_make_run_installs_runtime_dependencies_only() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    run_deps = re.search(r"^run: (.+)$", makefile, re.M)
    assert run_deps and run_deps.group(1).strip() == "$(RUN_STAMP)"
    recipe = re.search(r"^\$\(RUN_STAMP\):.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe and "pip install --quiet -e .\n" in recipe.group(1) and "[dev]" not in recipe.group(1)
    assert re.search(r"^test: \$\(DEV_STAMP\)$", makefile, re.M)


def test_compose_replicas_share_the_postgres_service() -> None:
    services = compose()["services"]
    replicas, postgres = services["bot-replicas"], services["postgres"]
    assert (
        replicas["profiles"] == postgres["profiles"] == ["replicas"]
    )  # `docker compose up bot` is unchanged
    assert replicas["command"] == ["serve", "--http"] and replicas["deploy"]["replicas"] == 2
    assert replicas["depends_on"]["postgres"]["condition"] == "service_healthy"
    url = urlsplit(replicas["environment"]["RENKEI_STATE_URL"])
    db = postgres["environment"]
    assert (url.scheme, url.hostname, url.port) == ("postgresql", "postgres", 5432)
    assert (url.username, url.password, url.path) == (
        db["POSTGRES_USER"],
        db["POSTGRES_PASSWORD"],
        f"/{db['POSTGRES_DB']}",
    )


REPLICAS = PROJECT_ROOT / "docs" / "deploy" / "kubernetes-replicas.yaml"


def replica_docs(kind: str) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(REPLICAS.read_text(encoding="utf-8")) if d["kind"] == kind]


def test_kubernetes_replicas_run_two_http_pods_on_one_postgresql() -> None:
    (deployment,) = replica_docs("Deployment")
    assert deployment["spec"]["replicas"] >= 2
    (bot,) = deployment["spec"]["template"]["spec"]["containers"]
    assert bot["image"] == compose()["services"]["bot"]["image"] and bot["args"] == ["serve", "--http"]
    runs_a_real_command(bot["args"])
    env = {item["name"]: item for item in bot["env"]}
    for probe in ("readinessProbe", "livenessProbe"):
        get = bot[probe]["httpGet"]
        assert (get["path"], str(get["port"])) == (HEALTH_PATH, env["PORT"]["value"])
    for name in env.keys() - OTHER_ENV:
        assert f'"{name}"' in SETTINGS_SOURCE, (
            f"the replicas' Deployment sets {name}, which config.py never reads"
        )
    (secret,) = replica_docs("Secret")
    ref = env["RENKEI_STATE_URL"]["valueFrom"]["secretKeyRef"]
    url = urlsplit(secret["stringData"][ref["key"]])
    services = {d["metadata"]["name"]: d for d in replica_docs("Service")}
    assert url.scheme == "postgresql" and url.hostname in services and url.port == 5432
    for item in bot["env"]:
        key = item.get("valueFrom", {}).get("secretKeyRef")
        if key:
            assert key["name"] == secret["metadata"]["name"] and key["key"] in secret["stringData"]
    selector = deployment["spec"]["template"]["metadata"]["labels"]
    assert any(s["spec"]["selector"] == selector for s in services.values())  # the Service reaches the pods
