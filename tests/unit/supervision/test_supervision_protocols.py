"""Protocols and scales are versioned data; the shipped ones say what the 2011 sources say."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tilsyn.domain.errors import DomainError
from tilsyn.domain.supervision.protocols import (
    all_protocols,
    default_theme,
    load_protocol,
    newest_by_kind,
    parse_key,
    parse_protocol,
    protocol_dir,
)
from tilsyn.domain.supervision.scales import all_scales, load_scale, parse_scale, scale_dir


def test_resident_protocol_2011_asks_the_sources_questions_word_for_word():
    p = load_protocol("resident-2011")
    assert (p.version, p.kind, p.respondent_prefix) == (1, "resident", "B")
    help_q = p.question("tilfredshed")
    assert [i.text for i in help_q.items] == [
        "Hjælp til personlige opgaver", "Hjælp til praktiske opgaver", "Hjælp til træning"]
    assert help_q.scale.id == "satisfaction-2011"
    texts = [q.text for _, q in p.questions_for(None)]
    assert "Oplever du, måden hjælpen bliver givet på, er præget af forståelse for dine ønsker?" in texts
    assert ("Oplever du en imødekommende, ligeværdig og åben dialog med et klart og forståeligt indhold?"
            in texts)


def test_relative_protocol_has_the_three_yearly_principle_themes():
    p = load_protocol("relative-phone-2011")
    assert [(t.year, t.id) for t in p.themes] == [
        (2012, "mindst-indgribende"), (2013, "selvbestemmelse"), (2014, "vaerdighed")]
    q2012 = p.question("princip-2012", "mindst-indgribende")
    assert q2012.text == ("Hvordan er din oplevelse omkring magtanvendelse hos din pårørende i forhold til, "
                          "at magtanvendelse skal følge:")
    assert [i.text for i in q2012.items] == [
        "Princippet om mindst mulig indgribende magtanvendelse", "Så kortvarigt som muligt",
        "Så skånsomst som muligt"]
    assert "selvbestemmelse" in p.question("princip-2013", "selvbestemmelse").text
    assert "værdighed" in p.question("princip-2014", "vaerdighed").text
    # A theme's question is only asked in its own year.
    with pytest.raises(DomainError):
        p.question("princip-2013", "mindst-indgribende")
    assert [g.id for g in p.goals_for("vaerdighed")][-1] == "magt-princip"


def test_default_theme_follows_the_year():
    themes = load_protocol("relative-phone-2011").themes
    assert default_theme(themes, 2011) is None
    assert default_theme(themes, 2012).id == "mindst-indgribende"
    assert default_theme(themes, 2013).id == "selvbestemmelse"
    assert default_theme(themes, 2014).id == "vaerdighed"
    assert default_theme(themes, 2026).id == "vaerdighed"  # after the last themed year: the latest


def test_staff_evaluation_has_the_four_goals_and_the_75_percent_criterion():
    p = load_protocol("staff-evaluation-monthly-form-2011")
    qs = [q for _, q in p.questions_for(None)]
    assert [q.text for q in qs] == [
        "Mindre dokumentation både hos leverandører og sagsbehandler vedrørende indberetning af magtanvendelse, "
        "hvor der i forvejen findes en afgørelse",
        "Overblik over den samlede magtanvendelse ved den enkelte borger",
        "Mere målrettet og resultatorienteret dokumentation fra leverandører i indberetninger med henblik på at "
        "opfylde Servicelovens hensigter og principper for magtanvendelse",
        "Bedre grundlag for refleksion og læring hos leverandørerne",
    ]
    assert [o.label for o in qs[0].scale.options] == [
        "Tilfredsstillende", "Delvis tilfredsstillende", "Ikke tilfredsstillende", "Ved ikke"]
    assert (p.success_share, p.success_option) == (75, "tilfredsstillende")
    assert p.success_text.startswith("Min. 75 % af det deltagende personale")


def test_staff_dialogue_is_free_text_with_the_staff_principle_questions():
    p = load_protocol("staff-dialogue-2011")
    assert all(not q.scored for _, q in p.questions_for("selvbestemmelse"))
    assert p.question("princip-2013", "selvbestemmelse").text == (
        "Hvordan sikrer I den psykisk svage borgers ret til selvbestemmelse i forbindelse med brug af magtanvendelse?")


def test_the_2011_protocols_are_the_defaults_and_the_2023_variants_ship_beside_them():
    defaults = newest_by_kind()
    assert {k: p.key for k, p in defaults.items()} == {
        "resident": "resident-2011@1", "relative": "relative-phone-2011@1",
        "staff_dialogue": "staff-dialogue-2011@1", "staff_evaluation": "staff-evaluation-monthly-form-2011@1"}
    assert [p.key for p in all_protocols()] == [
        "resident-2011@1", "resident-2023@1", "relative-phone-2011@1", "relative-phone-2023@1",
        "staff-dialogue-2011@1", "staff-evaluation-monthly-form-2011@1"]


def test_scales_carry_scores_and_ved_ikke_has_none():
    sat = load_scale("satisfaction-2011")
    assert [(o.label, o.score) for o in sat.options] == [
        ("Meget tilfreds", 100), ("Tilfreds", 75), ("Hverken tilfreds eller utilfreds", 50), ("Utilfreds", 25),
        ("Meget utilfreds", 0), ("Ved ikke", None)]
    assert [o.code for o in sat.options if o.satisfied] == ["meget_tilfreds", "tilfreds"]
    rating = load_scale("rating-2011")
    assert [o.label for o in rating.options] == [
        "Kritisable forhold", "Mindre tilfredsstillende", "Tilfredsstillende", "Meget tilfredsstillende"]
    assert {s.id for s in all_scales()} == {"satisfaction-2011", "assessment-2011", "experience-2011", "rating-2011",
                                             "satisfaction-2023", "assessment-2023", "experience-2023"}
    with pytest.raises(DomainError) as exc:
        sat.option("nope")
    assert exc.value.code == "unknown_option"


def test_bad_scale_data_is_refused_with_a_code():
    with pytest.raises(DomainError) as exc:
        parse_scale('id="x"\nversion=1\ntitle="x"\n[[options]]\ncode="a"\nlabel="A"\nscore=101\n')
    assert exc.value.code == "scale_score"
    with pytest.raises(DomainError) as exc:
        parse_scale('id="x"\nversion=1\ntitle="x"\n[[options]]\ncode="a"\nlabel="A"\nscore=1\n'
                    '[[options]]\ncode="a"\nlabel="B"\n')
    assert exc.value.code == "scale_duplicate_option"


def test_question_ids_must_be_unique_across_themes():
    text = (protocol_dir() / "relative-phone-2011.toml").read_text(encoding="utf-8")
    with pytest.raises(DomainError) as exc:
        parse_protocol(text.replace('id = "princip-2013"', 'id = "princip-2012"'))
    assert exc.value.code == "protocol_duplicate_question"


def test_a_new_version_is_a_new_file_and_the_old_one_stays_loadable(tmp_path):
    pdir, sdir = tmp_path / "protocols", tmp_path / "scales"
    shutil.copytree(protocol_dir(), pdir)
    shutil.copytree(scale_dir(), sdir)
    text = (pdir / "resident-2011.toml").read_text(encoding="utf-8")
    (pdir / "resident-2011-v2.toml").write_text(
        text.replace("version = 1", "version = 2").replace(
            "Hvor tilfreds er du med den hjælp, du får?", "Hvor tilfreds er du alt i alt med hjælpen?"),
        encoding="utf-8")
    newest = load_protocol("resident-2011", directory=pdir, scale_directory=sdir)
    old = load_protocol("resident-2011", 1, directory=pdir, scale_directory=sdir)
    assert newest.version == 2 and newest.question("tilfredshed").text.startswith("Hvor tilfreds er du alt i alt")
    assert old.question("tilfredshed").text == "Hvor tilfreds er du med den hjælp, du får?"
    with pytest.raises(DomainError) as exc:
        load_protocol("resident-2011", 3, directory=pdir, scale_directory=sdir)
    assert exc.value.code == "unknown_protocol"


def test_protocol_keys():
    assert parse_key("resident-2011@1") == ("resident-2011", 1)
    assert load_protocol("resident-2011").key == "resident-2011@1"
    with pytest.raises(DomainError):
        parse_key("resident-2011")


def test_every_shipped_label_is_danish_text_with_letters():
    for p in all_protocols():
        for theme in (None, *(t.id for t in p.themes)):
            for g, q in p.questions_for(theme):
                assert q.text.strip() and g.title.strip()
    assert Path(protocol_dir()).is_dir()


# -- the library: shipped plus installed (issue 13, point 6) ---------------------------------------

from tilsyn.domain.supervision.protocols import build_library, shipped_library  # noqa: E402


def _own_resident_protocol(pid="resident-vejle", version=1, scale="satisfaction-2011 = 1"):
    text = (protocol_dir() / "resident-2011.toml").read_text(encoding="utf-8")
    return (text.replace('id = "resident-2011"', f'id = "{pid}"').replace("version = 1", f"version = {version}", 1)
            .replace("satisfaction-2011 = 1", scale).replace("default = true\n", ""))


def test_an_installed_protocol_is_checked_against_the_library_and_never_replaces_a_shipped_one():
    lib = shipped_library()
    kind, item = lib.check_new(_own_resident_protocol())
    assert (kind, item.key, item.kind) == ("protocol", "resident-vejle@1", "resident")
    lib2 = build_library([("protocol", _own_resident_protocol())])
    assert lib2.protocol("resident-vejle").key == "resident-vejle@1"
    assert lib2.is_installed("protocol", "resident-vejle", 1)
    # The defaults stay the shipped ones; a programme chooses the installed one by name.
    assert lib2.defaults()["resident"].key == "resident-2011@1"
    assert lib2.choose(["resident-vejle@1"])["resident"].key == "resident-vejle@1"
    assert lib2.choose(["resident-vejle"], fill=True)["relative"].key == "relative-phone-2011@1"
    with pytest.raises(DomainError) as exc:
        lib2.choose(["resident-vejle@1", "resident-2011@1"])
    assert exc.value.code == "programme_protocol_kind"
    # The same id and version again: the same text is "already installed", another one refused.
    codes = []
    for text in (_own_resident_protocol(), _own_resident_protocol().replace("Hvor tilfreds", "Hvor glad")):
        with pytest.raises(DomainError) as exc:
            lib2.check_new(text)
        codes.append(exc.value.code)
    assert codes == ["definition_same", "definition_exists"]
    with pytest.raises(DomainError) as exc:
        lib.check_new((protocol_dir() / "resident-2011.toml").read_text(encoding="utf-8"))
    assert exc.value.code == "definition_same"
    # A new version of one's own protocol is accepted.
    assert lib2.check_new(_own_resident_protocol(version=2))[1].version == 2


@pytest.mark.parametrize(("text", "code"), [
    ("id = 'x\n", "definition_toml"),
    ("id = 'x'\nversion = 1\ntitle = 'X'\n", "scale_no_options"),
    ("id = 'Æble'\nversion = 1\ntitle = 'X'\n[[options]]\ncode = 'a'\nlabel = 'A'\nscore = 1\n", "definition_id"),
    ("id = 'x'\nversion = 0\ntitle = 'X'\n[[options]]\ncode = 'a'\nlabel = 'A'\nscore = 1\n", "definition_version"),
    ("id = 'x'\nversion = 1\ntitle = 'X'\n[[options]]\ncode = 'a'\nlabel = 'A'\n", "scale_no_scores"),
    ("id = 'x'\nversion = 1\ntitle = 'X'\n[[options]]\ncode = 'a'\nlabel = 'A'\nscore = 33.333\n", "scale_score"),
    ("id = 'x'\nversion = 1\ntitle = 'X'\n[[options]]\ncode = 'a'\nscore = 3\n", "definition_field"),
])
def test_invalid_scale_files_are_refused_with_a_code_that_has_danish_text(text, code):
    from tilsyn.messages import TEXTS, text_for

    with pytest.raises(DomainError) as exc:
        shipped_library().check_new(text)
    assert exc.value.code == code and code in TEXTS
    assert "Traceback" not in text_for(exc.value) and text_for(exc.value).strip()


def test_a_protocol_must_pin_scales_that_exist():
    lib = shipped_library()
    for scale, code in (("satisfaction-2011 = 9", "protocol_unknown_scale"), ("other = 1", "protocol_scale_unpinned")):
        with pytest.raises(DomainError) as exc:
            lib.check_new(_own_resident_protocol(scale=scale))
        assert exc.value.code == code
    bad_kind = _own_resident_protocol().replace('kind = "resident"', 'kind = "visitor"')
    with pytest.raises(DomainError) as exc:
        lib.check_new(bad_kind)
    assert exc.value.code == "protocol_kind"


def test_decimal_scores_two_places_at_most():
    s = parse_scale('id="x"\nversion=1\ntitle="X"\n[[options]]\ncode="a"\nlabel="A"\nscore=66.67\n'
                    '[[options]]\ncode="b"\nlabel="B"\nscore=100\n')
    assert [o.score for o in s.options] == [66.67, 100]
    assert isinstance(s.options[1].score, int)
