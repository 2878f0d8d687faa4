"""Pure theme logic: theme lists, seed vectors, scoring, picking, keyword bonus, context."""
import numpy as np
import pytest

from analysis.themes import (
    KEYWORD_BONUS,
    SECOND_WITHIN,
    SEED_MIN,
    ThemeSpec,
    default_themes,
    facet_vectors,
    facets,
    keyword_bonus,
    load_theme_file,
    pick_themes,
    seed_id,
    seed_themes,
    seed_vectors,
    seeded_scores,
    similarity,
    with_context,
)

from .helpers import FakeModel, fake_embedder

# ------------------------------------------------------------------ load_theme_file


def test_load_theme_file_reads_names_descriptions_keywords(tmp_path):
    p = tmp_path / "mine.toml"
    p.write_text('[[theme]]\nname = "  Buses "\ndescription = " Routes and fares "\nkeywords = ["bus", " fare ", ""]\n\n'
                 '[[theme]]\nname = "Libraries"\n', encoding="utf-8")
    specs = load_theme_file(p)
    assert specs == [ThemeSpec("Buses", "Routes and fares", ["bus", "fare"]), ThemeSpec("Libraries", "", [])]


def test_load_theme_file_theme_without_name_is_an_error(tmp_path):
    p = tmp_path / "noname.toml"
    p.write_text('[[theme]]\nname = "Buses"\n\n[[theme]]\ndescription = "no name here"\n', encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_theme_file(p)
    assert "noname.toml" in str(exc.value) and "theme 2" in str(exc.value) and "no name" in str(exc.value)


def test_load_theme_file_blank_name_is_an_error(tmp_path):
    p = tmp_path / "blank.toml"
    p.write_text('[[theme]]\nname = "   "\n', encoding="utf-8")
    with pytest.raises(ValueError, match="blank.toml.*no name"):
        load_theme_file(p)


def test_load_theme_file_without_themes_is_an_error(tmp_path):
    p = tmp_path / "empty.toml"
    p.write_text('title = "a list with no themes"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.toml.*no \[\[theme\]\] entries"):
        load_theme_file(p)


def test_load_theme_file_bad_toml_names_the_file(tmp_path):
    p = tmp_path / "broken.toml"
    p.write_text('[[theme]\nname = "Buses\n', encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_theme_file(p)
    assert "broken.toml" in str(exc.value)


def test_load_theme_file_missing_file_names_the_file(tmp_path):
    with pytest.raises(ValueError, match="nowhere.toml"):
        load_theme_file(tmp_path / "nowhere.toml")


# ------------------------------------------------------------------ the built-in list


def test_default_themes_are_complete():
    specs = default_themes()
    assert len(specs) >= 8
    names = [s.name for s in specs]
    assert len(set(names)) == len(names)
    assert len({seed_id(n) for n in names}) == len(names)  # ids do not collide
    for s in specs:
        assert s.description, s.name
        assert s.keywords, s.name
    for expected in ("Transport and infrastructure", "Housing and homelessness", "Health and social care"):
        assert expected in names


def test_seed_ids_are_slugs():
    assert seed_id("Children, young people and education") == "s-children-young-people-and-education"
    themes = seed_themes([ThemeSpec("Buses", "d", ["bus"])])
    assert themes[0].id == "s-buses" and themes[0].origin == "seed" and themes[0].keywords == ["bus"]


# ------------------------------------------------------------------ seed vectors and scores


def test_seed_vectors_are_unit_and_use_descriptor_and_keywords():
    model = FakeModel()
    emb = fake_embedder()
    emb._model = model
    specs = [ThemeSpec("Buses", "Bus routes and fares", ["bus", "fare"]), ThemeSpec("Libraries", "", [])]
    v = seed_vectors(specs, emb.embed)
    assert v.shape == (2, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    seen = [t for call in model.calls for t in call]
    assert "Buses. Bus routes and fares." in seen and "bus, fare" in seen
    assert "Libraries." in seen  # no description: the name alone; no keywords: the name stands in


def test_seeded_scores_prefer_the_theme_an_ask_talks_about():
    emb = fake_embedder()
    specs = [ThemeSpec("Buses", "Bus routes and bus timetables", ["bus"]),
             ThemeSpec("Libraries", "Branch library opening hours and library books", ["library"])]
    asks = ["Restore the evening bus routes and the Sunday bus timetable.",
            "Keep the branch library open and buy more library books."]
    scores = seeded_scores(asks, emb.embed(asks), specs, seed_vectors(specs, emb.embed))
    assert scores.shape == (2, 2)
    assert scores[0, 0] > scores[0, 1] and scores[1, 1] > scores[1, 0]


# ------------------------------------------------------------------ facets


def test_facets_are_name_description_parts_and_keywords():
    spec = ThemeSpec("Culture", "Libraries and their opening hours, museums; public art.", ["library", "museum"])
    assert facets(spec) == ["Culture", "Libraries and their opening hours", "museums", "public art", "library", "museum"]
    assert facets(ThemeSpec("Bare")) == ["Bare"]


def test_facet_vectors_one_unit_row_per_facet_in_one_batch():
    model = FakeModel()
    emb = fake_embedder()
    emb._model = model
    specs = [ThemeSpec("Culture", "Libraries, museums", ["art"]), ThemeSpec("Bare")]
    fv = facet_vectors(specs, emb.embed)
    assert [f.shape for f in fv] == [(4, 384), (1, 384)]
    assert np.allclose(np.linalg.norm(fv[0], axis=1), 1.0, atol=1e-5)
    assert len(model.calls) == 1
    assert facet_vectors([], emb.embed) == []


def test_similarity_blends_the_closest_facet_and_leaves_themes_without_facets_alone():
    asks = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
    themes = np.array([[0.6, 0.8, 0.0], [0.6, 0.8, 0.0]])
    facet_rows = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])  # the first ask is exactly one facet
    sims = similarity(asks, themes, [facet_rows, None])
    assert sims[0, 0] == pytest.approx(0.5 * 0.6 + 0.5 * 1.0)
    assert sims[1, 0] == pytest.approx(0.5 * 0.8 + 0.5 * 0.0)
    assert sims[:, 1] == pytest.approx(asks @ themes[1])  # no facets (a discovered theme): its centroid alone
    assert np.array_equal(similarity(asks, themes), asks @ themes.T)


def test_an_ask_about_one_part_of_a_broad_theme_joins_it():
    emb = fake_embedder()
    specs = [ThemeSpec("Culture and leisure", "Libraries and opening hours, museums, swimming pools, parks, festivals"),
             ThemeSpec("Transport", "Roads, pavements and street lighting")]
    ask = ["Extend the opening hours of branch libraries."]
    v = emb.embed(ask)
    plain = seeded_scores(ask, v, specs, seed_vectors(specs, emb.embed))
    with_facets = seeded_scores(ask, v, specs, seed_vectors(specs, emb.embed), facet_vectors(specs, emb.embed))
    margin = lambda s: s[0, 0] - s[0, 1]  # noqa: E731
    assert margin(with_facets) > margin(plain) and with_facets[0].argmax() == 0


# ------------------------------------------------------------------ pick_themes


def test_pick_themes_primary_close_second_distant_second_and_none():
    scores = np.array([
        [0.60, 0.59, 0.10],  # a close second is kept
        [0.60, 0.40, 0.10],  # a distant second is dropped
        [0.10, 0.20, 0.24],  # nothing reaches the threshold
        [0.05, 0.70, 0.30],  # the best need not be the first column
    ])
    picks = pick_themes(scores)
    assert [[j for j, _ in row] for row in picks] == [[0, 1], [0], [], [1]]
    assert picks[0][0][1] == pytest.approx(0.60) and picks[0][1][1] == pytest.approx(0.59)


def test_pick_themes_second_must_also_reach_the_threshold():
    s = SEED_MIN
    picks = pick_themes(np.array([[s + 0.01, s - 0.01]]))
    assert [j for j, _ in picks[0]] == [0]


def test_pick_themes_boundaries_and_at_most_two():
    picks = pick_themes(np.array([[0.5, 0.5 - SECOND_WITHIN / 2, 0.5 - SECOND_WITHIN / 3]]))
    assert len(picks[0]) == 2
    assert pick_themes(np.array([[SEED_MIN]]))[0] == [(0, SEED_MIN)]  # the threshold itself is enough
    assert pick_themes(np.zeros((0, 3))) == []
    assert pick_themes(np.array([[0.9, 0.1]]), min_score=0.95) == [[]]


# ------------------------------------------------------------------ keyword_bonus


def test_keyword_in_every_ask_adds_nothing_a_rare_one_adds():
    texts = ["Restore the bus routes to the villages.",
             "Publish the bus timetable for Sunday.",
             "Put a shelter at every bus stop, and a library van on the bus route."]
    bonus = keyword_bonus(texts, [["bus"], ["library"]])
    assert bonus.shape == (3, 2)
    assert np.all(bonus[:, 0] == 0)  # every ask has "bus": it says nothing
    assert bonus[2, 1] > 0 and bonus[0, 1] == 0 and bonus[1, 1] == 0


def test_keyword_bonus_rarer_weighs_more_and_is_capped():
    texts = ["flood flood", "flood river", "drains", "meals", "books", "parks"]
    bonus = keyword_bonus(texts, [["flood"], ["river"]])
    assert bonus[1, 1] > bonus[0, 0] > 0  # "river" (1 of 6) is rarer than "flood" (2 of 6)
    others = [f"other text {i}" for i in range(9)]
    many = keyword_bonus(["alpha beta gamma delta epsilon"] + others, [["alpha", "beta", "gamma", "delta", "epsilon"]])
    assert many[1:, 0].sum() == 0
    assert many[0, 0] == pytest.approx(3 * KEYWORD_BONUS)


def test_keyword_bonus_plurals_word_starts_and_case():
    texts = ["Build more HOMES for tenants.", "A home for every family.", "Fix the potholes.", "Fund sport."]
    bonus = keyword_bonus(texts, [["homes"], ["tenant"]])
    assert bonus[0, 0] > 0 and bonus[1, 0] > 0  # "homes" finds "home" too
    assert bonus[0, 1] > 0  # "tenant" finds "tenants"
    assert bonus[2, 0] == 0 and bonus[3, 0] == 0


def test_keyword_bonus_edge_cases():
    assert keyword_bonus([], [["bus"]]).shape == (0, 1)
    assert keyword_bonus(["one bus"], [["bus"]])[0, 0] == pytest.approx(KEYWORD_BONUS)  # one ask: full weight
    assert np.all(keyword_bonus(["a", "b"], [[]]) == 0)


def test_keyword_bonus_does_not_match_unrelated_words_sharing_a_short_stem():
    texts = ["Increase the parks budget.", "Support local business.", "Restore the bus routes.", "Plant trees."]
    bonus = keyword_bonus(texts, [["bus"]])
    assert bonus[2, 0] > 0
    assert bonus[0, 0] == 0 and bonus[1, 0] == 0


# ------------------------------------------------------------------ with_context


def _unit(rows):
    a = np.array(rows, dtype=float)
    return a / np.linalg.norm(a, axis=1, keepdims=True)


def test_with_context_without_any_context_returns_the_ask_vectors():
    v = _unit([[1, 0, 0], [0, 1, 0]])
    assert with_context(v, None, None) is v
    assert with_context(v, np.zeros_like(v), np.array([False, False])) is v


def test_with_context_mixes_in_the_context_where_there_is_one():
    v = _unit([[1, 0, 0], [0, 1, 0]])
    ctx = _unit([[0, 0, 1], [0, 0, 1]])
    out = with_context(v, ctx, np.array([True, False]))
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0)
    assert np.allclose(out[1], v[1])  # no context: unchanged
    assert out[0, 0] > 0 and out[0, 2] > 0  # own direction and context's
    assert out[0] @ v[0] > out[0] @ v[1]  # still closer to itself than to another ask


def _e(*pairs):
    v = np.zeros(384, dtype=np.float32)
    for i, x in pairs:
        v[i] = x
    return v / np.linalg.norm(v)


@pytest.mark.parametrize("lean", [0.0, 0.1])
def test_asks_related_to_no_seed_theme_are_not_pulled_into_one(lean):
    themes = np.vstack([_e((0, 1)), _e((1, 1))])
    a_asks = [_e((0, 1), (2 + i, 0.3)) for i in range(4)]
    b_asks = [_e((1, 1), (10 + i, 0.3)) for i in range(4)]
    # eight asks about something else: like one another, (nearly) unlike both themes
    other = [_e((20, 1), (30 + i, 0.3), (0, lean)) for i in range(8)]
    vecs = np.vstack(a_asks + b_asks + other)
    raw = vecs @ themes.T
    assert raw[8:].max() < SEED_MIN  # on their own they reach no theme
    picks = pick_themes(seeded_scores([f"ask {i}" for i in range(16)], vecs, [ThemeSpec("A"), ThemeSpec("B")], themes))
    assert all(p and p[0][0] == 0 for p in picks[:4]) and all(p and p[0][0] == 1 for p in picks[4:8])
    assert picks[8:] == [[]] * 8, picks[8:]


def test_a_second_theme_named_by_its_keyword_is_kept_within_a_wider_margin():
    """A second theme scoring a little lower is kept when the ask holds one of its keywords."""
    from analysis.themes import SECOND_WITH_KEYWORD, SECOND_WITHIN, pick_themes

    scores = np.array([[0.60, 0.60 - (SECOND_WITHIN + SECOND_WITH_KEYWORD) / 2, 0.1]])
    assert [j for j, _ in pick_themes(scores)[0]] == [0]
    hits = np.array([[False, True, False]])
    assert [j for j, _ in pick_themes(scores, keyword_hits=hits)[0]] == [0, 1]
    far = np.array([[0.60, 0.60 - SECOND_WITH_KEYWORD - 0.01, 0.1]])
    assert [j for j, _ in pick_themes(far, keyword_hits=hits)[0]] == [0]
