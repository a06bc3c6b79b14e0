"""The HTML page in a real browser: headless Chromium at a phone's and a desktop's width.

Skipped where Chromium is not installed (CI may not have it): `apt-get install chromium fonts-wqy-microhei`.
The page has no script of its own; the test loads a copy with a measuring script added at the end of the
body, which writes what it found into the DOM that `--dump-dom` prints: every resource the page fetched
(none), the page's and each text box's overflow, each chart label against its chart's box, and the marks
of each chart (the same counts test_export checks on the HTML text).
"""

import html
import json
import re
import shutil
import subprocess

import pytest

import xmledger
from conftest import REPO
from test_export import check_page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")

MEASURE = """<script>
(function () {
  var out = {width: window.innerWidth, resources: performance.getEntriesByType('resource').map(function (e) { return e.name; }),
             page: document.documentElement.scrollWidth - window.innerWidth, over: [], marks: {}};
  document.querySelectorAll('h1,h2,p,figcaption,th,td,footer').forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1 && !el.closest('.scroll')) out.over.push(el.tagName + ' ' + el.textContent.slice(0, 40));
    var r = el.getBoundingClientRect();
    if (!el.closest('.scroll') && r.right > window.innerWidth + 1) out.over.push('past the page: ' + el.textContent.slice(0, 40));
  });
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var box = svg.viewBox.baseVal, key = svg.getAttribute('data-chart'), marks = {};
    svg.querySelectorAll('text').forEach(function (t) {
      var b = t.getBBox();
      if (b.x < -0.5 || b.x + b.width > box.width + 0.5 || b.y < -0.5 || b.y + b.height > box.height + 0.5)
        out.over.push(key + ' label ' + t.textContent);
    });
    if (svg.getBoundingClientRect().right > window.innerWidth + 1) out.over.push(key + ' wider than the page');
    svg.querySelectorAll('[data-series]').forEach(function (e) {
      var k = e.tagName + ' ' + e.getAttribute('data-series');
      marks[k] = (marks[k] || 0) + 1;
    });
    out.marks[key] = marks;
  });
  document.body.setAttribute('data-measured', JSON.stringify(out));
})();
</script>
"""


def measure(page: str, width: int, tmp_path) -> dict:
    """Load the page in a frame `width` px wide (headless windows are at least 500 px wide) and read back what
    the measuring script found. A srcdoc frame shares its parent's origin, so the parent can read it."""
    inner = page.replace("</body>", MEASURE + "</body>")
    path = tmp_path / f"page-{width}.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
        f'<iframe id="frame" style="border:0;display:block" width="{width}" height="900" '
        f'srcdoc="{html.escape(inner, quote=True)}"></iframe>'
        "<script>window.addEventListener('load', function () { document.body.setAttribute('data-measured', "
        "document.getElementById('frame').contentDocument.body.getAttribute('data-measured')); });</script>"
        "</body></html>", encoding="utf-8")
    profile = tmp_path / f"profile-{width}"
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions",
         "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={profile}", f"--window-size={width + 40},1000",
         "--virtual-time-budget=5000", "--dump-dom", path.as_uri()], capture_output=True, timeout=120)
    found = re.search(rb'<body[^>]*data-measured="([^"]*)"', result.stdout)
    assert found, result.stderr.decode(errors="replace")[-2000:]
    return json.loads(html.unescape(found[1].decode("utf-8")))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_in_chromium_at_375_and_1280(cli, tmp_path, lang):
    ledger = REPO / "data" / "lijin"
    out = tmp_path / "page.html"
    assert cli("export", "html", "-L", ledger, "--as-of", "2019-05-31", "--lang", lang, "-o", out).exit_code == 0
    page = out.read_text(encoding="utf-8")
    ctx = xmledger.context(xmledger.load(ledger), as_of="2019-05-31", lang=lang)
    check_page(page, ctx)
    results = {w: measure(page, w, tmp_path) for w in (375, 1280)}
    for width, found in results.items():
        assert found["width"] == width
        assert found["resources"] == [], "the page fetched something"
        assert found["page"] <= 0, f"the page scrolls sideways at {width} px"
        assert found["over"] == [], f"text overflows at {width} px: {found['over']}"
    marks = results[375]["marks"]
    assert marks == results[1280]["marks"]
    assert marks["cumulative"]["circle cum_completed"] == 5 and marks["cumulative"]["circle cum_planned"] == 12
    assert marks["problems"]["rect raised"] == marks["problems"]["rect resolved"] == 5
    assert marks["starts"]["rect start_rate"] == 4
    assert sum(v for k, v in marks["lights"].items() if k.startswith("rect")) >= 8
