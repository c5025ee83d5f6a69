"""Score extractions against a gold file by SCHEMA.md's rules (document level).

Names compare after ``norm``; an entity is the set of its name and aliases,
and two entities are the same thing when those sets meet. Entities match one
to one within a type; relations by type and resolved ends; events by type and
one shared participant, one to one; event arguments as (type, participant)
pairs. Predicted names also resolve through the predicted entity's aliases.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .jsonl import json_lines
from .nlp.kb import norm

PARTS = ("entities", "relations", "events", "event_args")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Table:
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def add(self, type_: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        c = self.by_type[type_]
        c.tp += tp
        c.fp += fp
        c.fn += fn

    def result(self) -> dict:
        total = Counts(sum(c.tp for c in self.by_type.values()), sum(c.fp for c in self.by_type.values()),
                       sum(c.fn for c in self.by_type.values()))
        return {"micro": total.scores(), **{t: self.by_type[t].scores() for t in sorted(self.by_type)}}


def read_jsonl(path: str | Path) -> dict[str, dict]:
    """Rows of a JSONL file by id; errors name the file and line."""
    rows = {}
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    for number, row in json_lines(lines, str(path)):
        if not isinstance(row, dict) or "id" not in row:
            raise InputError(f"{path}:{number}: each line must be a JSON object with an 'id'")
        rows[str(row["id"])] = row
    return rows


def _names(entity: dict) -> set[str]:
    return {n for n in (norm(x) for x in [entity.get("name", ""), *(entity.get("aliases") or [])]) if n}


def score(gold: dict[str, dict], predicted: dict[str, dict]) -> dict:
    """Per-type and micro precision, recall and F1 for each part."""
    tables = {part: Table() for part in PARTS}
    missing = 0
    for doc_id, g in gold.items():
        p = predicted.get(doc_id)
        if p is None:
            missing += 1
            p = {}
        _score_document(g, p, tables)
    out = {part: tables[part].result() for part in PARTS}
    out["documents"] = {"gold": len(gold), "missing_predictions": missing}
    return out


def _score_document(gold: dict, pred: dict, t: dict[str, Table]) -> None:
    gold_entities = gold.get("entities", [])
    owner: dict[str, int] = {}
    for i, e in enumerate(gold_entities):
        for n in _names(e):
            owner.setdefault(n, i)

    def gold_index(entity: dict):
        return next((owner[n] for n in sorted(_names(entity)) if n in owner), None)

    matched = set()
    for e in pred.get("entities", []):
        i = gold_index(e)
        ok = i is not None and i not in matched and gold_entities[i]["type"] == e.get("type")
        if ok:
            matched.add(i)
        t["entities"].add(e.get("type", "?"), tp=int(ok), fp=int(not ok))
    for i, e in enumerate(gold_entities):
        if i not in matched:
            t["entities"].add(e["type"], fn=1)

    via_prediction: dict[str, int] = {}
    for e in pred.get("entities", []):
        i = gold_index(e)
        if i is not None:
            for n in _names(e):
                via_prediction.setdefault(n, i)

    def resolve(name: str):
        n = norm(name)
        return owner[n] if n in owner else via_prediction.get(n)

    gold_relations = {(r["type"], owner.get(norm(r["head"])), owner.get(norm(r["tail"])))
                      for r in gold.get("relations", [])}
    pred_relations = {(r.get("type"), resolve(r.get("head", "")), resolve(r.get("tail", "")))
                      for r in pred.get("relations", [])}
    for key in pred_relations:
        ok = key in gold_relations and None not in key
        t["relations"].add(key[0], tp=int(ok), fp=int(not ok))
    for key in gold_relations - pred_relations:
        t["relations"].add(key[0], fn=1)

    gold_events = [(e["type"], {owner.get(norm(x)) for x in e.get("participants", [])} - {None})
                   for e in gold.get("events", [])]
    used = set()
    for e in pred.get("events", []):
        parts = {resolve(x) for x in e.get("participants", [])} - {None}
        hit = next((j for j, (gt, gp) in enumerate(gold_events)
                    if j not in used and gt == e.get("type") and (parts & gp or (not gp and not parts))), None)
        if hit is None:
            t["events"].add(e.get("type", "?"), fp=1)
        else:
            used.add(hit)
            t["events"].add(e["type"], tp=1)
    for j, (gt, _) in enumerate(gold_events):
        if j not in used:
            t["events"].add(gt, fn=1)

    gold_args = {(gt, x) for gt, gp in gold_events for x in gp}
    pred_args = {(e.get("type"), resolve(x)) for e in pred.get("events", []) for x in e.get("participants", [])}
    for arg in pred_args:
        ok = arg in gold_args and arg[1] is not None
        t["event_args"].add(arg[0], tp=int(ok), fp=int(not ok))
    for arg in gold_args - pred_args:
        t["event_args"].add(arg[0], fn=1)


def format_table(result: dict) -> str:
    lines = []
    for part in PARTS:
        lines.append(f"{part}:")
        for key, v in result[part].items():
            lines.append(f"  {key:18} P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  "
                         f"(tp {v['tp']} fp {v['fp']} fn {v['fn']})")
    lines.append(f"documents: {result['documents']['gold']} gold, "
                 f"{result['documents']['missing_predictions']} without prediction")
    return "\n".join(lines)
