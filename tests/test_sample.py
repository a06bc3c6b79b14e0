"""The sample ledger in data/ reproduces the published figures, through the real command line.

Seed 000 (Lijin, end of May 2019): 128 projects, 285.2亿元 total, 137.9亿元 annual
plan, 101 started (78.9%, 12 points up on a year earlier), 121 on schedule
(94.5%). Seed 004 (Binzhou): 222 problems raised, 196 resolved (88.3%).
"""

import json

from conftest import REPO, run_process

SAMPLE = REPO / "data" / "lijin"


def test_check_passes_strictly():
    result = run_process("check", "-L", SAMPLE, "--strict")
    assert result.returncode == 0 and result.stdout == b""
    assert "0 个错误，0 个警告" in result.stderr.decode()  # the sample ledger is Chinese


def test_status_gives_the_published_figures():
    doc = json.loads(run_process("status", "-L", SAMPLE, "--as-of", "2019-05-31", "--format", "json").stdout)
    assert (doc["projects"], doc["total_investment"], doc["annual_plan"]) == (128, "2852000", "1379000")
    assert (doc["started"], round(doc["start_rate"] * 100, 1)) == (101, 78.9)
    assert (doc["on_schedule"], round(doc["on_schedule_rate"] * 100, 1)) == (121, 94.5)
    assert round(doc["yoy"]["start_rate_pp"], 1) == 12.0
    issues = doc["issues"]
    assert (issues["raised"], issues["resolved"], round(issues["resolution_rate"] * 100, 1)) == (222, 196, 88.3)
    assert doc["double_half"] == {"reached_month": 5, "months_ahead": 1}


def test_circular_gives_the_published_sentences():
    text = run_process("summary", "-L", SAMPLE, "--as-of", "2019-05-31").stdout.decode("utf-8")
    for sentence in ("全县共有2019年重点项目128个，总投资285.2亿元，年度计划投资137.9亿元。",
                     "已开工101个，开工率78.9%，同比提高12.0个百分点；达到计划进度项目121个，占总数的94.5%。",
                     "共收集问题222个，已办结196个，办结率88.3%；逾期未办结3个。",
                     "其中：新旧动能转换项目34个，乡村振兴项目50个，城建及基础设施项目29个，社会建设项目15个。"):
        assert sentence in text
    english = run_process("summary", "-L", SAMPLE, "--as-of", "2019-05-31", "--lang", "en").stdout.decode()
    assert "a start rate of 78.9%, 12.0 percentage points up on a year earlier" in english
    assert "a resolution rate of 88.3%" in english


def test_issue_stats_give_the_binzhou_figures():
    doc = json.loads(run_process("issues", "-L", SAMPLE, "--as-of", "2019-05-31", "--stats", "--format", "json").stdout)
    total = doc["total"][0]
    assert (total["issues_raised"], total["issues_resolved"], total["resolution_rate"]) == (222, 196, 0.88288288)
