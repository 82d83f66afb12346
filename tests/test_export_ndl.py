"""NDL-compatible speech records and PoliInfo-style QA records."""

from __future__ import annotations

import json
import re

import pytest
from tests._export_docs import DIET_COMMITTEE

import gikai_minutes
from gikai_minutes.export import ndl_records, ndl_response, poliinfo_records

HEADER = re.compile(r"^○(\S+?)　", re.M)


@pytest.fixture(scope="module")
def diet() -> gikai_minutes.Meeting:
    return gikai_minutes.parse(DIET_COMMITTEE)


def test_front_matter_is_speech_order_zero(diet: gikai_minutes.Meeting) -> None:
    records = ndl_records(diet)
    first = records[0]
    assert (first["speechOrder"], first["speaker"]) == (0, "会議録情報")
    # record 0 is everything before the first ○ header, verbatim
    assert first["speech"] == DIET_COMMITTEE[: DIET_COMMITTEE.index("○")]
    labels = HEADER.findall(DIET_COMMITTEE)
    assert [r["speechOrder"] for r in records] == list(range(len(labels) + 1))
    assert [r["speech"].split("　", 1)[0] for r in records[1:]] == [f"○{x}" for x in labels]
    assert len({r["speechID"] for r in records}) == len(records)
    assert {r["issueID"] for r in records} == {records[0]["speechID"][:-4]}


def test_speaker_fields(diet: gikai_minutes.Meeting) -> None:
    records = ndl_records(diet)
    by_label = {r["speech"].split("　", 1)[0][1:]: r for r in records[1:]}
    chair = by_label["山本委員長"]
    assert (chair["speaker"], chair["speakerPosition"], chair["speakerRole"]) == (
        "山本一郎",
        "委員長",
        "委員長",
    )
    minister = by_label["佐藤国務大臣"]
    assert (minister["speaker"], minister["speakerRole"]) == ("佐藤花子", None)
    assert all(r["date"] == "2024-05-15" for r in records)
    question = by_label["川村委員"]["speech"]
    assert question.endswith("今後の対策はどうなっているのでしょうか。")


def test_reads_back_as_ndl_records(diet: gikai_minutes.Meeting) -> None:
    response = json.loads(json.dumps(ndl_response(diet), ensure_ascii=False))
    assert response["numberOfRecords"] == len(response["speechRecord"])
    (again,) = gikai_minutes.parse_ndl(response)
    assert [u.speaker.label for u in again.utterances] == [u.speaker.label for u in diet.utterances]
    assert [u.text for u in again.utterances] == [u.text for u in diet.utterances]


def test_seed_records(seed: gikai_minutes.Meeting) -> None:
    records = ndl_records([seed])
    assert len(records) == 102
    assert records[0]["speech"] == seed.source.text[: seed.source.text.index("【")]
    assert records[1]["speech"].startswith("○辻座長　それでは、定刻となりました")


def sentence_records(meeting: gikai_minutes.Meeting, fragment: str) -> list[dict[str, object]]:
    return [r for r in poliinfo_records(meeting) if fragment in str(r["Utterance"])]


def test_poliinfo_questions_and_answers(diet: gikai_minutes.Meeting) -> None:
    (question,) = sentence_records(diet, "今後の対策はどうなっているのでしょうか。")
    (answer,) = sentence_records(diet, "担い手の確保に向けて")
    assert (question["QorA"], question["QuestionerID"], question["Speaker"]) == (
        "質問",
        "川村委員",
        "川村委員",
    )
    assert (answer["QorA"], answer["QuestionerID"], answer["Speaker"]) == (
        "答弁",
        "川村委員",
        "佐藤国務大臣",
    )
    assert question["QAID"] == answer["QAID"] != ""
    (first_q,) = sentence_records(diet, "路線バスの廃止が相次いでおりますが")
    assert first_q["QorA"] == "質問"
    assert first_q["QAID"] != question["QAID"]
    (closing,) = sentence_records(diet, "これにて散会いたします。")
    assert (closing["QorA"], closing["QAID"], closing["QuestionerID"]) == ("", "", "")


def test_poliinfo_one_record_per_sentence(seed: gikai_minutes.Meeting) -> None:
    records = poliinfo_records(seed)
    assert [r["ID"] for r in records] == list(range(len(records)))
    joined = {}
    for r in records:
        joined.setdefault(r["UtteranceIndex"], []).append(r["Utterance"])
    for u in seed.utterances:  # the sentences hold all of the text, in order
        assert re.sub(r"\s", "", "".join(joined.get(u.index, []))) == re.sub(r"\s", "", u.text)
    assert seed.structure is not None
    qa = {r["QAID"] for r in records if r["QorA"]}
    assert qa == {str(i) for i in range(len(seed.structure.exchanges))}
