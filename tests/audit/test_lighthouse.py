"""Reading Lighthouse's report, and judging a page by its median run."""

import pytest

from tnsite.audit import lighthouse
from tnsite.audit.lighthouse import LighthouseResult, parse_report, run_lighthouse

REPORT = {
    "categories": {
        "performance": {
            "score": 0.82,
            "auditRefs": [
                {"id": "total-blocking-time", "weight": 30},
                {"id": "largest-contentful-paint", "weight": 25},
                {"id": "unused-css-rules", "weight": 0},
            ],
        },
        "seo": {"score": 1.0, "auditRefs": [{"id": "meta-description", "weight": 1}]},
    },
    "audits": {
        "total-blocking-time": {"score": 0.6},
        "largest-contentful-paint": {"score": 0.95},
        "unused-css-rules": {"score": 0.0},
        "meta-description": {"score": 1},
        "total-byte-weight": {"numericValue": 150_000},
    },
}


def test_failing_audits_are_listed_under_the_category_they_pull_down() -> None:
    result = parse_report(REPORT)
    assert result.scores == {"performance": 82, "seo": 100}
    # unused-css-rules has no weight in the score: it is advice, not a cause
    assert result.failing == {"performance": ["total-blocking-time"], "seo": []}
    assert result.total_bytes == 150_000


def test_a_page_is_judged_by_its_least_disturbed_run(monkeypatch: pytest.MonkeyPatch) -> None:
    scores = iter([97, 71, 96])
    monkeypatch.setattr(
        lighthouse,
        "_run_once",
        lambda *a: LighthouseResult({"performance": next(scores), "seo": 100}),
    )
    result = run_lighthouse(None, "http://127.0.0.1/", "chromium", runs=3)  # type: ignore[arg-type]
    assert result.scores["performance"] == 97
    assert result.performance_runs == [71, 96, 97]
    assert result.median_performance == 96


def test_a_slow_page_fails_in_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the best-run rule still catches: a change that slows the page lowers every run."""
    scores = iter([80, 84, 78])
    monkeypatch.setattr(
        lighthouse, "_run_once", lambda *a: LighthouseResult({"performance": next(scores)})
    )
    result = run_lighthouse(None, "http://127.0.0.1/", "chromium", runs=3)  # type: ignore[arg-type]
    assert result.scores["performance"] == 84 < 95
