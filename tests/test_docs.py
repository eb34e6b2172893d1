"""The README is the manual: it must name every subcommand, setting and file layout the code has."""

import re

from geo.cli import COMMANDS, FORMATS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    first_block = README.split("```")[1]
    assert "scripts/run.sh" in first_block and "scripts/test.sh" in first_block
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_subcommand_and_format_is_documented():
    for name in COMMANDS:
        assert f"`{name}" in README, name
    for fmt in FORMATS:
        assert fmt in README, fmt


def test_every_setting_is_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for p in [*ROOT.glob("geo/*.py"), *ROOT.glob("views/*.py")])
    settings = set(re.findall(r"TROOPMAP_[A-Z_]+", code))
    assert settings, "no settings found"
    for s in settings:
        assert f"`{s}`" in README, s
