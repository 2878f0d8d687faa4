"""Discovery (BERTopic) on tiny inputs, and carrying discovered ids over to a re-fit."""
import numpy as np
import pytest

from analysis.themes import DISCOVERED, SEEDED, Theme, discover, discovered_id, match_to_previous

from .helpers import fake_embedder

TOPICS = {
    "buses": ["Restore the evening bus routes to the villages.",
              "Publish a reliable bus timetable for the Sunday bus routes.",
              "Put real-time bus arrival boards at every bus stop.",
              "Cap bus fares on the rural bus routes.",
              "Run the number 12 bus every fifteen minutes.",
              "Keep the late bus route from town to the bus station."],
    "flooding": ["Build higher flood defences along the river embankment.",
                 "Clear blocked drains so river flood water can drain away.",
                 "Install flood warning sirens for riverside streets.",
                 "Repair the river flood barrier near the bridge.",
                 "Dredge the river channel before the flood season.",
                 "Offer flood insurance to homes on the river flood plain."],
    "meals": ["Give free school meals to every primary school pupil.",
              "Serve a hot school meal with fresh fruit at school lunch.",
              "Fund school kitchen cooks to cook school meals on site.",
              "Offer a vegetarian school meal every school day.",
              "Stop charging pupils for school breakfast and school meal clubs.",
              "Write off school meal debts for school families."],
}


def _corpus(per_topic: int):
    texts, topics = [], []
    for topic, asks in TOPICS.items():
        texts += asks[:per_topic]
        topics += [topic] * per_topic
    return texts, topics, fake_embedder().embed(texts)


def test_fewer_than_five_asks_discover_nothing():
    texts, _, vecs = _corpus(4)
    labels, terms = discover(texts[:4], vecs[:4])
    assert labels == [-1, -1, -1, -1] and terms == {}
    assert discover([], np.zeros((0, 384), np.float32)) == ([], {})


def _check_separated(per_topic: int):
    texts, topics, vecs = _corpus(per_topic)
    labels, terms = discover(texts, vecs)
    assert len(labels) == len(texts)
    clusters = {lab for lab in labels if lab >= 0}
    for lab in clusters:  # no cluster mixes topics
        assert len({t for t, l in zip(topics, labels) if l == lab}) == 1, labels
        assert terms[lab], lab
    for topic in TOPICS:  # every topic is found: most of its asks are in a cluster
        assert sum(1 for t, l in zip(topics, labels) if t == topic and l >= 0) >= per_topic - 1, (topic, labels)
    return texts, topics, labels, terms


@pytest.mark.parametrize("per_topic", [5, 6])
def test_three_topics_are_separated(per_topic):
    texts, topics, labels, terms = _check_separated(per_topic)
    # the terms say what each cluster is about
    by_topic = {topics[labels.index(lab)]: terms[lab] for lab in set(labels) - {-1}}
    assert any("bus" in t for t in by_topic["buses"])
    assert any("flood" in t or "river" in t for t in by_topic["flooding"])
    assert any("school" in t or "meal" in t for t in by_topic["meals"])


@pytest.mark.parametrize("per_topic", [3, 4])
def test_three_topics_are_separated_with_few_asks(per_topic):
    _check_separated(per_topic)


def test_discovery_is_deterministic():
    texts, _, vecs = _corpus(4)
    first = discover(texts, vecs)
    second = discover(list(texts), vecs.copy())
    assert first == second


def test_clusters_of_one_are_outliers():
    texts, topics, vecs = _corpus(4)
    odd = "Paint the town hall clock tower purple."
    labels, _ = discover(texts + [odd], np.vstack([vecs, fake_embedder().embed([odd])]))
    assert labels[-1] == -1 or labels.count(labels[-1]) >= 2
    for lab in set(labels) - {-1}:
        assert labels.count(lab) >= 2


# ------------------------------------------------------------------ match_to_previous


def _v(*xs):
    v = np.zeros(384, dtype=np.float32)
    for i, x in enumerate(xs):
        v[i] = x
    return v / np.linalg.norm(v)


def test_a_refound_cluster_keeps_the_old_id():
    old = Theme("d-old", "Flood · river", origin=DISCOVERED, centroid=_v(1, 0))
    mapping = match_to_previous({0: ["a1", "a2", "a3", "a4"]}, {0: _v(1, 0.1)}, [old], {"d-old": {"a1", "a2", "a3"}})
    assert mapping == {0: "d-old"}


def test_match_by_centroid_when_the_members_are_all_new():
    old = Theme("d-old", "Flood", origin=DISCOVERED, centroid=_v(1, 0))
    mapping = match_to_previous({0: ["n1", "n2"]}, {0: _v(1, 0.05)}, [old], {"d-old": {"a1", "a2"}})
    assert mapping == {0: "d-old"}


def test_unrelated_clusters_and_seed_themes_are_not_matched():
    seed = Theme("s-buses", "Buses", origin=SEEDED, centroid=_v(0, 1))
    old = Theme("d-old", "Flood", origin=DISCOVERED, centroid=_v(1, 0))
    mapping = match_to_previous({0: ["b1", "b2"], 1: ["x1", "x2"]}, {0: _v(0, 1), 1: _v(0, 0, 1)}, [seed, old],
                                {"s-buses": {"b1", "b2"}, "d-old": {"a1", "a2"}})
    assert mapping == {}


def test_each_old_theme_goes_to_one_cluster_the_best_overlap_wins():
    old = Theme("d-old", "Flood", origin=DISCOVERED, centroid=_v(1, 0))
    prev = {"d-old": {"a1", "a2", "a3", "a4"}}
    new = {0: ["a1", "a2"], 1: ["a1", "a2", "a3", "a4", "a5"]}
    mapping = match_to_previous(new, {0: _v(0, 1), 1: _v(0, 1)}, [old], prev)
    assert mapping == {1: "d-old"}


def test_discovered_ids_depend_on_members_not_their_order():
    assert discovered_id(["b", "a"]) == discovered_id(["a", "b"])
    assert discovered_id(["a", "b"]) != discovered_id(["a", "c"])
    assert discovered_id(["a"]).startswith("d-")
