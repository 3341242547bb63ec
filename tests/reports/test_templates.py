"""The layout templates hold every label of the official source texts, word for word and in order.

The sources (shared/sources/) lost every § sign in extraction and carry page numbers and a
repeated page footer; both sides are normalised the same way before comparing.
"""

import re
from pathlib import Path

import pytest

from tilsyn.domain.templates import UnknownTemplate, available_templates, load_template, parse_template

SOURCES = Path(__file__).resolve().parents[3] / "shared" / "sources"
if not SOURCES.is_dir():  # a clone with shared/ beside it (CI)
    SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "sources"


def norm(text: str) -> str:
    """Drop § (lost in the sources' extraction) and collapse whitespace."""
    text = text.replace("§", " ")
    text = re.sub(r"\(\s+", "(", text)
    return re.sub(r"\s+", " ", text).strip()


def source_text(name: str, footer: str = "") -> str:
    lines = (SOURCES / name).read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        line = re.sub(r"^\d+ ", "", line)  # page number at the start (Vejle)
        line = re.sub(r" \d+$", "", line)  # page number at the end (Skema 1)
        if footer:
            line = line.replace(footer, " ")
        out.append(line)
    return norm(" ".join(out))


CASES = [
    ("vejle-2011", "vejle-2011-monthly-use-of-force-form.txt"),
    ("skema1-2010", "servicestyrelsen-skema-1-2010.txt"),
]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="shared/sources is not beside the checkout")
@pytest.mark.parametrize("template_id,source", CASES)
def test_template_labels_are_the_source_word_for_word_in_order(template_id, source):
    template = load_template(template_id)
    labels = [label for b in template.blocks for label in b.labels()]
    expected = source_text(source, template.page_footer)
    assert norm(" ".join(labels)) == expected


@pytest.mark.skipif(not SOURCES.is_dir(), reason="shared/sources is not beside the checkout")
def test_vejle_page_footer_is_the_sources_footer_on_every_page():
    template = load_template("vejle-2011")
    raw = (SOURCES / "vejle-2011-monthly-use-of-force-form.txt").read_text(encoding="utf-8")
    assert raw.count(template.page_footer) == 4  # one per page of the source


def test_section_signs_are_restored():
    labels = " ".join(load_template("skema1-2010").labels())
    assert "Personlig alarm (§ 125):" in labels
    assert "Akut fastholdelse og føren efter § 126:" in labels
    assert "(§ 141)" in labels and "(jf. § 136)" in labels
    assert "efter § 141 i Serviceloven" in " ".join(load_template("vejle-2011").labels())
    assert not re.search(r"\(\s\d", labels)


def test_every_shipped_template_loads_and_knows_its_id():
    assert {"vejle-2011", "skema1-2010"} <= set(available_templates())
    for tid in available_templates():
        assert load_template(tid).id == tid


def test_unknown_template_is_refused():
    with pytest.raises(UnknownTemplate) as exc:
        load_template("vejle-1999")
    assert exc.value.code == "unknown_template"
    with pytest.raises(UnknownTemplate):
        load_template("../catalogues/force-types-2010")


def test_a_template_with_an_unknown_block_kind_is_rejected():
    with pytest.raises(ValueError):
        parse_template('id = "x"\nname = "x"\n[[blocks]]\nkind = "banner"\ntext = "x"\n')
    with pytest.raises(ValueError):
        parse_template('id = "x"\nname = "x"\n[[blocks]]\nkind = "text"\ntxt = "x"\n')
