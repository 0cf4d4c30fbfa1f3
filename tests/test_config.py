"""The data files in content/: a broken one is an error naming the file, never a crash."""

from __future__ import annotations

import pytest

from generator import site
from generator.config import load_site_data
from generator.errors import ContentErrors


def errors_of(project: site.Project) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_site_data(project.content)
    return [str(error).replace(f"{project.content}/", "content/") for error in raised.value.errors]


def test_a_data_file_in_windows_1251_names_the_conversion(project: site.Project) -> None:
    outlets = project.content / "outlets.yml"
    outlets.write_bytes(outlets.read_bytes() + "  - id: ria\n    name: РИА Новости\n".encode("cp1251"))
    [error] = errors_of(project)
    assert error.startswith("content/outlets.yml:")
    assert "it looks like Windows-1251 (Cyrillic) text; convert it: iconv -f WINDOWS-1251 -t UTF-8" in error


def test_a_key_given_twice_in_a_data_file_is_an_error(project: site.Project) -> None:
    (project.content / "boilerplate.yml").write_text("rules:\n- name: x\n  text: a\n  name: y\n", encoding="utf-8")
    assert errors_of(project) == ["content/boilerplate.yml:4: gives 'name' twice; keep one of them"]


def test_a_missing_data_file_is_an_error(project: site.Project) -> None:
    (project.content / "site.yml").unlink()
    assert errors_of(project) == ["content/site.yml: is missing; restore it from the repository"]


def test_a_day_that_does_not_exist_in_site_yml_is_an_error_not_a_crash(project: site.Project) -> None:
    settings = project.content / "site.yml"
    settings.write_text(settings.read_text().replace("start: 2011-01-01", "start: 2011-02-30"), encoding="utf-8")
    line = settings.read_text().splitlines().index("period:") + 1
    assert errors_of(project) == [
        f'content/site.yml:{line}: period.start: "2011-02-30" is not a date; '
        "write it as YYYY-MM-DD, a day that exists, e.g. 2016-10-19"
    ]
