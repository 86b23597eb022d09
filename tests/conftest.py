"""Fixtures: the real project built once, and copies of it to break on purpose."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "content", "data", "hooks", "overrides")


def run_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`make build`'s driver on a project folder, as a separate process."""
    code = f"import sys; from pathlib import Path; from hooks.build import build; sys.exit(build(Path({str(project)!r}), Path({str(site)!r})))"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True)


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real project, built once for the whole session."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = run_build(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project to change and build."""
    return copy_project(tmp_path / "project")
