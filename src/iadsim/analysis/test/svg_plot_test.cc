#include "iadsim/analysis/svg_plot.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace iadsim {
namespace {

// An independent reader: python3's xml.etree parses the SVG (failing on any XML that is not well
// formed) and lists the marks with their geometry, one per line.
const char* kReader = R"PY(
import sys, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == ns + 'svg', root.tag
print('title', root.find(ns + 'title').text)
for e in root.iter():
    c = e.get('class')
    if e.tag == ns + 'rect' and c == 'bar':
        print('bar', e.get('data-count') or e.get('data-value'), e.get('x'), e.get('y'), e.get('width'), e.get('height'))
    elif e.tag == ns + 'line' and c == 'errorbar':
        print('err', e.get('data-lower'), e.get('data-upper'), e.get('y1'), e.get('y2'))
    elif e.tag == ns + 'circle' and c == 'point':
        print('point', e.get('data-x'), e.get('data-y'), e.get('cx'), e.get('cy'))
)PY";

std::string Python() {
  for (const char* p : {"/usr/bin/python3", "/usr/local/bin/python3"})
    if (access(p, X_OK) == 0) return p;
  return "";
}

struct Mark {
  std::string kind, a, b;
  double v[4] = {0, 0, 0, 0};
};
struct Parsed {
  bool ok = false;
  std::string title;
  std::vector<Mark> marks;
  std::vector<Mark> Of(const std::string& kind) const {
    std::vector<Mark> out;
    for (const Mark& m : marks)
      if (m.kind == kind) out.push_back(m);
    return out;
  }
};

Parsed ReadSvg(const std::string& svg, const std::string& name) {
  Parsed r;
  const auto dir = std::filesystem::temp_directory_path() / ("iadsim-svg-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (name + ".svg")) << svg;
  std::ofstream(dir / "reader.py") << kReader;
  const std::string cmd = Python() + " " + (dir / "reader.py").string() + " " + (dir / (name + ".svg")).string();
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  r.ok = pclose(pipe) == 0;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    std::istringstream ls(line);
    Mark m;
    ls >> m.kind;
    if (m.kind == "title") {
      r.title = line.substr(6);
      continue;
    }
    if (m.kind == "bar") {
      ls >> m.a >> m.v[0] >> m.v[1] >> m.v[2] >> m.v[3];
    } else {
      ls >> m.a >> m.b >> m.v[0] >> m.v[1];
    }
    r.marks.push_back(m);
  }
  return r;
}

#define REQUIRE_PYTHON() \
  if (Python().empty()) GTEST_SKIP() << "python3 not found: no independent XML reader"

TEST(SvgPlot, EscapesText) {
  EXPECT_EQ(XmlEscape("a<b & \"c\" 'd' >"), "a&lt;b &amp; &quot;c&quot; &#39;d&#39; &gt;");
}

TEST(SvgPlot, IntegerHistogramBinsCountEachValue) {
  const std::vector<HistogramBin> bins = MakeHistogramBins({1, 1, 2, 3, 3, 3, 5});
  ASSERT_EQ(bins.size(), 5u);  // 1, 2, 3, 4, 5
  const int expected[] = {2, 1, 3, 0, 1};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(bins[i].count, expected[i]);
    EXPECT_DOUBLE_EQ(bins[i].lower, i + 0.5);
  }
  // 16 values 0.5, 1.5, …, 15.5 (not integers): Sturges ⌈log2 16⌉ + 1 = 5 bins of width 15/5 = 3,
  // [0.5, 3.5) … [12.5, 15.5], the maximum in the last: counts 3, 3, 3, 3, 4.
  std::vector<double> x;
  for (int i = 0; i < 16; ++i) x.push_back(i + 0.5);
  const auto b = MakeHistogramBins(x);
  ASSERT_EQ(b.size(), 5u);
  const int counts[] = {3, 3, 3, 3, 4};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(b[i].count, counts[i]) << i;
    EXPECT_DOUBLE_EQ(b[i].lower, 0.5 + 3 * i);
  }
  EXPECT_DOUBLE_EQ(b.back().upper, 15.5);
}

TEST(SvgPlot, HistogramIsWellFormedWithBarsProportionalToCounts) {
  REQUIRE_PYTHON();
  const Parsed p = ReadSvg(SvgHistogram("Kills <per run> & more", "kills", {1, 1, 2, 3, 3, 3}), "hist");
  ASSERT_TRUE(p.ok);
  EXPECT_EQ(p.title, "Kills <per run> & more");  // escaped on writing, unescaped by the reader
  const auto bars = p.Of("bar");
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].a, "2");
  EXPECT_EQ(bars[1].a, "1");
  EXPECT_EQ(bars[2].a, "3");
  // Heights 2 : 1 : 3 (±0.01 px rounding), one baseline, equal adjacent widths.
  EXPECT_NEAR(bars[0].v[3] / bars[2].v[3], 2.0 / 3.0, 1e-3);
  EXPECT_NEAR(bars[1].v[3] / bars[2].v[3], 1.0 / 3.0, 1e-3);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(bars[i].v[1] + bars[i].v[3], bars[0].v[1] + bars[0].v[3], 0.02);
    EXPECT_NEAR(bars[i].v[2], bars[0].v[2], 0.02);
  }
  EXPECT_NEAR(bars[0].v[0] + bars[0].v[2], bars[1].v[0], 0.02);
}

TEST(SvgPlot, BarChartErrorBarsOnTheSameScaleAsBars) {
  REQUIRE_PYTHON();
  const std::vector<BarWithInterval> in = {{"base", 0.7, 0.3968, 0.8922}, {"two radars", 0.2, 0.0567, 0.5098}};
  const Parsed p = ReadSvg(SvgBarChart("P(leaker)", "probability", in, 1.0), "bars");
  ASSERT_TRUE(p.ok);
  const auto bars = p.Of("bar");
  const auto errs = p.Of("err");
  ASSERT_EQ(bars.size(), 2u);
  ASSERT_EQ(errs.size(), 2u);
  EXPECT_NEAR(bars[0].v[3] / bars[1].v[3], 3.5, 1e-3);  // 0.7 / 0.2
  for (int i = 0; i < 2; ++i) {
    // Error bar length / bar height = (upper − lower) / value: one linear scale for both.
    const double len = errs[i].v[0] - errs[i].v[1];  // y1 (lower, further down) − y2 (upper)
    EXPECT_NEAR(len / bars[i].v[3], (in[i].upper - in[i].lower) / in[i].value, 2e-3);
    EXPECT_NEAR(std::stod(errs[i].a), in[i].lower, 1e-9);
    EXPECT_NEAR(std::stod(errs[i].b), in[i].upper, 1e-9);
  }
}

TEST(SvgPlot, LinePlotSortsByXAndMapsLinearly) {
  REQUIRE_PYTHON();
  const std::vector<CurvePoint> in = {{3, 0.8, 0.7, 0.9}, {1, 0.5, 0.4, 0.6}, {2, 0.6, 0.5, 0.7}};
  const std::string svg = SvgLinePlot("P vs range", "range (km)", "P", in);
  EXPECT_EQ(svg, SvgLinePlot("P vs range", "range (km)", "P", in));  // deterministic bytes
  const Parsed p = ReadSvg(svg, "line");
  ASSERT_TRUE(p.ok);
  const auto pts = p.Of("point");
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_EQ(pts[0].a, "1");
  EXPECT_EQ(pts[2].a, "3");
  EXPECT_NEAR(pts[1].v[0] - pts[0].v[0], pts[2].v[0] - pts[1].v[0], 0.02);           // x equally spaced
  EXPECT_NEAR((pts[0].v[1] - pts[1].v[1]) / (pts[1].v[1] - pts[2].v[1]), 0.5, 1e-3);  // Δy 0.1 : 0.2
  EXPECT_GT(pts[0].v[1], pts[2].v[1]);                                                // SVG y grows downwards
}

TEST(SvgPlot, EmptyInputsStillWellFormed) {
  REQUIRE_PYTHON();
  EXPECT_TRUE(ReadSvg(SvgHistogram("none", "x", {}), "empty1").ok);
  EXPECT_TRUE(ReadSvg(SvgLinePlot("none", "x", "y", {}), "empty2").ok);
  EXPECT_TRUE(ReadSvg(SvgHistogram("one", "x", {2.5}), "one").ok);
}

}  // namespace
}  // namespace iadsim
