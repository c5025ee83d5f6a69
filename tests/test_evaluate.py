"""kg's own scorer follows SCHEMA.md's rules; where ../shared/eval/score.py exists, it agrees with it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.evaluate import read_jsonl, score

GOLD = {"d": {"id": "d", "entities": [
    {"name": "Commodity Futures Trading Commission", "type": "REGULATOR", "aliases": ["CFTC"]},
    {"name": "BitMEX", "type": "EXCHANGE", "aliases": []},
    {"name": "Arthur Hayes", "type": "PERSON", "aliases": ["Hayes"]}],
    "relations": [{"head": "Arthur Hayes", "type": "WORKS_FOR", "tail": "BitMEX"}],
    "events": [{"type": "INVESTIGATION", "participants": ["Commodity Futures Trading Commission", "BitMEX"]}]}}


def test_aliases_match_entities_and_resolve_relation_ends():
    pred = {"d": {"id": "d", "entities": [
        {"name": "CFTC", "type": "REGULATOR", "aliases": []},
        {"name": "BitMEX's", "type": "EXCHANGE", "aliases": []},
        {"name": "Hayes", "type": "ORGANIZATION", "aliases": []}],
        "relations": [{"head": "Hayes", "type": "WORKS_FOR", "tail": "BitMEX"}],
        "events": [{"type": "INVESTIGATION", "participants": ["CFTC"]},
                   {"type": "INVESTIGATION", "participants": ["BitMEX"]}]}}
    result = score(GOLD, pred)
    assert result["entities"]["micro"]["tp"] == 2 and result["entities"]["ORGANIZATION"]["fp"] == 1
    assert result["relations"]["micro"]["tp"] == 1
    assert (result["events"]["micro"]["tp"], result["events"]["micro"]["fp"]) == (1, 1)
    assert (result["event_args"]["micro"]["tp"], result["event_args"]["micro"]["fn"]) == (2, 0)


def test_a_missing_prediction_counts_every_gold_item_as_missed():
    result = score(GOLD, {})
    assert result["entities"]["micro"]["fn"] == 3 and result["documents"]["missing_predictions"] == 1


def test_a_bad_gold_line_is_reported_with_its_line_number(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{not json}\n')
    with pytest.raises(InputError, match=r"gold.jsonl:2: not valid JSON"):
        read_jsonl(path)


REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"
OWN_GOLD = Path(__file__).resolve().parent / "data" / "gold" / "extra.jsonl"


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference scorer lives outside the repository")
def test_kg_eval_agrees_with_the_reference_scorer(tmp_path, extractor):
    from kg.jsonl import article_from_row

    gold = read_jsonl(OWN_GOLD)
    pred_path = tmp_path / "pred.jsonl"
    articles = [article_from_row(r, "gold", i) for i, r in enumerate(gold.values(), 1)]
    pred_path.write_text("".join(json.dumps(x.to_schema()) + "\n" for x in extractor.extract(articles)))
    ours = score(gold, read_jsonl(pred_path))
    ref = json.loads(subprocess.run([sys.executable, str(REFERENCE), str(OWN_GOLD), str(pred_path), "--json"],
                                    capture_output=True, text=True, check=True).stdout)
    for part in ("entities", "relations", "events", "event_args"):
        assert ours[part] == ref[part], part


def test_kg_eval_prints_the_per_type_table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD["d"]) + "\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--predictions", str(gold)])
    assert result.exit_code == 0
    assert "entities:" in result.output and "REGULATOR" in result.output and "F1 1.000" in result.output


@pytest.mark.parametrize("name, floors", [
    ("extra.jsonl", {"entities": 0.95, "relations": 0.76, "events": 0.72, "event_args": 0.68}),
    # written blind to the extractor by other hands: the closest thing to articles never seen
    ("holdout.jsonl", {"entities": 0.95, "relations": 0.80, "events": 0.72, "event_args": 0.62}),
    ("holdout2.jsonl", {"entities": 0.95, "relations": 0.84, "events": 0.77, "event_args": 0.72}),
    ("holdout3.jsonl", {"entities": 0.92, "relations": 0.80, "events": 0.77, "event_args": 0.71}),
    ("holdout4.jsonl", {"entities": 0.90, "relations": 0.78, "events": 0.82, "event_args": 0.66}),
    ("holdout5.jsonl", {"entities": 0.90, "relations": 0.83, "events": 0.79, "event_args": 0.73}),
    ("holdout6.jsonl", {"entities": 0.91, "relations": 0.83, "events": 0.78, "event_args": 0.73}),
    ("holdout7.jsonl", {"entities": 0.92, "relations": 0.86, "events": 0.78, "event_args": 0.73}),
    ("holdout8.jsonl", {"entities": 0.94, "relations": 0.86, "events": 0.79, "event_args": 0.71}),
    ("holdout9.jsonl", {"entities": 0.88, "relations": 0.81, "events": 0.79, "event_args": 0.74}),
    ("holdout10.jsonl", {"entities": 0.93, "relations": 0.90, "events": 0.83, "event_args": 0.76}),
    ("holdout11.jsonl", {"entities": 0.91, "relations": 0.85, "events": 0.80, "event_args": 0.71}),
    ("holdout12.jsonl", {"entities": 0.92, "relations": 0.83, "events": 0.79, "event_args": 0.72}),
    ("holdout13.jsonl", {"entities": 0.90, "relations": 0.82, "events": 0.80, "event_args": 0.74}),
    ("holdout14.jsonl", {"entities": 0.88, "relations": 0.82, "events": 0.73, "event_args": 0.64}),
    ("holdout15.jsonl", {"entities": 0.92, "relations": 0.82, "events": 0.80, "event_args": 0.78}),
    ("holdout16.jsonl", {"entities": 0.93, "relations": 0.87, "events": 0.80, "event_args": 0.73}),
    ("holdout17.jsonl", {"entities": 0.89, "relations": 0.79, "events": 0.80, "event_args": 0.69}),
    ("holdout18.jsonl", {"entities": 0.91, "relations": 0.73, "events": 0.76, "event_args": 0.71}),
    ("holdout19.jsonl", {"entities": 0.91, "relations": 0.73, "events": 0.72, "event_args": 0.69}),
    ("holdout20.jsonl", {"entities": 0.87, "relations": 0.64, "events": 0.68, "event_args": 0.57}),
    ("holdout21.jsonl", {"entities": 0.90, "relations": 0.80, "events": 0.70, "event_args": 0.61}),
    ("holdout22.jsonl", {"entities": 0.92, "relations": 0.86, "events": 0.76, "event_args": 0.69}),
    ("holdout23.jsonl", {"entities": 0.89, "relations": 0.76, "events": 0.77, "event_args": 0.71}),
    ("holdout24.jsonl", {"entities": 0.86, "relations": 0.75, "events": 0.76, "event_args": 0.70}),
    ("holdout25.jsonl", {"entities": 0.90, "relations": 0.77, "events": 0.65, "event_args": 0.56}),
    ("holdout26.jsonl", {"entities": 0.91, "relations": 0.86, "events": 0.73, "event_args": 0.67}),
    ("holdout27.jsonl", {"entities": 0.88, "relations": 0.77, "events": 0.70, "event_args": 0.69}),
    ("holdout28.jsonl", {"entities": 0.90, "relations": 0.81, "events": 0.68, "event_args": 0.66}),
    ("holdout29.jsonl", {"entities": 0.90, "relations": 0.78, "events": 0.70, "event_args": 0.65}),
    ("holdout30.jsonl", {"entities": 0.92, "relations": 0.79, "events": 0.73, "event_args": 0.67}),
    ("holdout31.jsonl", {"entities": 0.90, "relations": 0.82, "events": 0.69, "event_args": 0.64}),
    ("holdout32.jsonl", {"entities": 0.90, "relations": 0.87, "events": 0.72, "event_args": 0.66}),
    ("holdout33.jsonl", {"entities": 0.92, "relations": 0.76, "events": 0.69, "event_args": 0.60}),
    ("holdout34.jsonl", {"entities": 0.87, "relations": 0.73, "events": 0.71, "event_args": 0.66}),
    ("holdout35.jsonl", {"entities": 0.87, "relations": 0.80, "events": 0.72, "event_args": 0.66}),
    ("holdout36.jsonl", {"entities": 0.90, "relations": 0.85, "events": 0.68, "event_args": 0.61}),
    ("holdout37.jsonl", {"entities": 0.90, "relations": 0.79, "events": 0.73, "event_args": 0.61}),
    ("holdout38.jsonl", {"entities": 0.88, "relations": 0.76, "events": 0.67, "event_args": 0.59}),
    ("holdout39.jsonl", {"entities": 0.87, "relations": 0.75, "events": 0.66, "event_args": 0.58}),
    ("holdout40.jsonl", {"entities": 0.89, "relations": 0.80, "events": 0.70, "event_args": 0.64}),
    ("holdout41.jsonl", {"entities": 0.90, "relations": 0.77, "events": 0.71, "event_args": 0.67}),
    ("holdout42.jsonl", {"entities": 0.87, "relations": 0.78, "events": 0.71, "event_args": 0.66}),
    ("holdout43.jsonl", {"entities": 0.84, "relations": 0.73, "events": 0.61, "event_args": 0.56}),
    ("holdout44.jsonl", {"entities": 0.83, "relations": 0.75, "events": 0.51, "event_args": 0.46}),
    ("holdout45.jsonl", {"entities": 0.89, "relations": 0.81, "events": 0.72, "event_args": 0.66}),
    ("holdout46.jsonl", {"entities": 0.88, "relations": 0.84, "events": 0.75, "event_args": 0.71}),
    ("holdout47.jsonl", {"entities": 0.89, "relations": 0.78, "events": 0.77, "event_args": 0.68}),
    ("holdout48.jsonl", {"entities": 0.87, "relations": 0.76, "events": 0.70, "event_args": 0.63}),
    ("holdout49.jsonl", {"entities": 0.88, "relations": 0.75, "events": 0.71, "event_args": 0.61}),
    ("holdout50.jsonl", {"entities": 0.90, "relations": 0.79, "events": 0.69, "event_args": 0.65}),
    ("holdout51.jsonl", {"entities": 0.90, "relations": 0.77, "events": 0.64, "event_args": 0.57}),
    ("holdout52.jsonl", {"entities": 0.87, "relations": 0.61, "events": 0.54, "event_args": 0.49}),
    ("holdout53.jsonl", {"entities": 0.89, "relations": 0.77, "events": 0.69, "event_args": 0.63}),
    ("holdout54.jsonl", {"entities": 0.85, "relations": 0.73, "events": 0.71, "event_args": 0.65}),
    ("holdout55.jsonl", {"entities": 0.88, "relations": 0.76, "events": 0.63, "event_args": 0.60}),
    ("holdout56.jsonl", {"entities": 0.89, "relations": 0.82, "events": 0.75, "event_args": 0.72}),
    ("holdout57.jsonl", {"entities": 0.90, "relations": 0.76, "events": 0.72, "event_args": 0.65}),
    ("holdout58.jsonl", {"entities": 0.89, "relations": 0.79, "events": 0.61, "event_args": 0.62}),
    ("holdout59.jsonl", {"entities": 0.92, "relations": 0.69, "events": 0.73, "event_args": 0.71}),
    ("holdout60.jsonl", {"entities": 0.87, "relations": 0.65, "events": 0.62, "event_args": 0.61}),
    ("holdout61.jsonl", {"entities": 0.90, "relations": 0.77, "events": 0.69, "event_args": 0.68}),
    ("holdout62.jsonl", {"entities": 0.87, "relations": 0.69, "events": 0.66, "event_args": 0.64}),
    ("holdout63.jsonl", {"entities": 0.88, "relations": 0.70, "events": 0.69, "event_args": 0.65}),
    ("holdout64.jsonl", {"entities": 0.90, "relations": 0.82, "events": 0.64, "event_args": 0.70}),
    ("holdout65.jsonl", {"entities": 0.86, "relations": 0.79, "events": 0.69, "event_args": 0.65}),
    ("holdout66.jsonl", {"entities": 0.91, "relations": 0.82, "events": 0.72, "event_args": 0.62}),
    ("holdout67.jsonl", {"entities": 0.89, "relations": 0.76, "events": 0.71, "event_args": 0.69}),
    ("holdout68.jsonl", {"entities": 0.84, "relations": 0.84, "events": 0.71, "event_args": 0.64}),
    ("holdout69.jsonl", {"entities": 0.87, "relations": 0.65, "events": 0.67, "event_args": 0.56}),
    ("holdout70.jsonl", {"entities": 0.89, "relations": 0.62, "events": 0.63, "event_args": 0.56}),
    ("holdout71.jsonl", {"entities": 0.90, "relations": 0.78, "events": 0.69, "event_args": 0.68}),
    ("holdout72.jsonl", {"entities": 0.90, "relations": 0.79, "events": 0.68, "event_args": 0.63}),
    ("holdout73.jsonl", {"entities": 0.88, "relations": 0.84, "events": 0.67, "event_args": 0.60}),
    ("holdout74.jsonl", {"entities": 0.88, "relations": 0.70, "events": 0.57, "event_args": 0.51}),
])
def test_own_gold_articles_keep_extraction_honest(extractor, name, floors):
    """Our own annotated articles (other events than the dev set's): floors that catch regressions."""
    from kg.jsonl import article_from_row

    gold = read_jsonl(OWN_GOLD.parent / name)
    articles = [article_from_row(r, "gold", i) for i, r in enumerate(gold.values(), 1)]
    pred = {x.article_id: x.to_schema() for x in extractor.extract(articles)}
    result = score(gold, pred)
    for part, floor in floors.items():
        assert result[part]["micro"]["f1"] >= floor, (part, result[part]["micro"])
