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


def _run_with_budget_95(max_runs: int) -> LighthouseResult:
    """Three runs, then more while the best scores under 95, up to `max_runs`."""
    return run_lighthouse(
        None,  # type: ignore[arg-type]
        "http://127.0.0.1/",
        "chromium",
        runs=3,
        max_runs=max_runs,
        good_enough=lambda r: r.scores["performance"] >= 95,
    )


def test_more_runs_are_taken_only_while_the_best_breaks_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scores = iter([80, 84, 78, 96, 99, 99])
    calls: list[float] = []

    def run(*args: object) -> LighthouseResult:
        calls.append(1)
        return LighthouseResult({"performance": next(scores)})

    monkeypatch.setattr(lighthouse, "_run_once", run)
    result = _run_with_budget_95(max_runs=6)
    assert result.scores["performance"] == 96
    assert len(calls) == 4  # three, then one more that met the budget


def test_a_page_slow_in_every_run_stops_at_max_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    scores = iter(range(70, 90))
    monkeypatch.setattr(
        lighthouse, "_run_once", lambda *a: LighthouseResult({"performance": next(scores)})
    )
    result = _run_with_budget_95(max_runs=5)
    assert result.performance_runs == [70, 71, 72, 73, 74]


@pytest.mark.parametrize(
    ("index", "slowdown"),
    [
        (0, 4.0),
        (2125, 4.0),
        (1533, 4.0),
        (1300, 3.0),
        (1050, 2.5),
        (800, 2.0),
        (475, 1.5),
        (100, 1.0),
    ],
)
def test_the_cpu_slowdown_follows_the_hosts_benchmark_never_above_the_preset(
    index: float, slowdown: float
) -> None:
    assert lighthouse.cpu_slowdown(index) == slowdown


def test_each_run_is_throttled_for_the_speed_the_previous_run_measured(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    indexes = iter([2000.0, 1050.0, 1300.0])
    used: list[float] = []

    def run(root: object, url: str, chromium: str, slowdown: float) -> LighthouseResult:
        used.append(slowdown)
        return LighthouseResult({"performance": 99}, benchmark_index=next(indexes))

    monkeypatch.setattr(lighthouse, "_run_once", run)
    host = lighthouse.HostSpeed()
    run_lighthouse(None, "http://127.0.0.1/", "chromium", runs=3, host=host)  # type: ignore[arg-type]
    assert used == [4.0, 4.0, 2.5]
    assert host.benchmark_index == 1300.0  # carried to the next page


def test_the_report_gives_the_hosts_speed_and_the_slowdown_used() -> None:
    report = {
        **REPORT,
        "environment": {"benchmarkIndex": 1422.5},
        "configSettings": {"throttling": {"cpuSlowdownMultiplier": 3.52}},
    }
    result = parse_report(report)
    assert (result.benchmark_index, result.cpu_slowdown) == (1422.5, 3.52)
