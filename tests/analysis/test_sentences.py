"""Sentence spans: abbreviations, numbers, quotations that resume after an ellipsis."""
from analysis.sentences import split_sentences


def spans(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_sentences_and_abbreviations():
    text = "Dr Lee met Cllr Shah on 3 May. The bus runs at 7 p.m. daily. See para. 4 for details."
    assert spans(text) == ["Dr Lee met Cllr Shah on 3 May.", "The bus runs at 7 p.m. daily.", "See para. 4 for details."]


def test_a_quotation_resuming_after_an_ellipsis_starts_a_sentence():
    text = ("We handle a third of all referrals. ...I would expect we will see ... around 900 more this year. "
            "… I think a second ferry would ease the queues.")
    assert spans(text) == ["We handle a third of all referrals.",
                           "...I would expect we will see ... around 900 more this year.",
                           "… I think a second ferry would ease the queues."]
