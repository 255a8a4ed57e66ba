#pragma once
// Small self-contained SVG plots for reports: a histogram of a measure, a bar chart of proportions
// with their confidence intervals, and a measure with its interval against a swept parameter.
// Output: one <svg> element as a string, no scripts, no external references, text XML-escaped,
// every coordinate printed with two decimals (deterministic: same input → same bytes).
//
// Plot area mapping (linear): px = left + (x − x_min)/(x_max − x_min)·width and
// py = top + (1 − (y − y_min)/(y_max − y_min))·height. Axis ranges are widened to "nice" tick
// steps 1, 2 or 5 × 10^k (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
// Marks carry classes and data attributes a reader can check: rect.bar (data-count or
// data-value), line.errorbar (data-lower, data-upper), circle.point (data-x, data-y).
#include <string>
#include <vector>

namespace iadsim {

// XML text/attribute escaping of & < > " '.
std::string XmlEscape(const std::string& text);

struct HistogramBin {
  double lower = 0.0, upper = 0.0;  // [lower, upper), the last bin closed
  int count = 0;
};

// Bins for `values`: integer-valued data spanning at most 40 integers get one bin per integer
// ([k − ½, k + ½)); other data get ⌈log2 n⌉ + 1 equal bins over [min, max] (Sturges 1926).
// Empty input → no bins. Non-finite values are a bug (checked).
std::vector<HistogramBin> MakeHistogramBins(const std::vector<double>& values);

std::string SvgHistogram(const std::string& title, const std::string& x_label, const std::vector<double>& values);

struct BarWithInterval {
  std::string label;
  double value = 0.0, lower = 0.0, upper = 0.0;
};

// Vertical bars of `value` with error bars [lower, upper]; the y axis is [0, y_max] (y_max > 0),
// e.g. 1 for proportions.
std::string SvgBarChart(const std::string& title, const std::string& y_label, const std::vector<BarWithInterval>& bars,
                        double y_max);

struct CurvePoint {
  double x = 0.0, y = 0.0, lower = 0.0, upper = 0.0;
};

// Points joined by a line (in order of x), each with its interval as an error bar.
std::string SvgLinePlot(const std::string& title, const std::string& x_label, const std::string& y_label,
                        std::vector<CurvePoint> points);

}  // namespace iadsim
