#include "iadsim/analysis/svg_plot.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "iadsim/core/error.h"

namespace iadsim {
namespace {

constexpr double kWidth = 520, kHeight = 300;
constexpr double kLeft = 64, kRight = 16, kTop = 30, kBottom = 56;
constexpr double kPlotW = kWidth - kLeft - kRight, kPlotH = kHeight - kTop - kBottom;

// Heckbert's nice number: 1, 2, 5 or 10 × 10^k near x (rounded, or the smallest one ≥ x).
double NiceNumber(double x, bool round) {
  const double e = std::floor(std::log10(x));
  const double f = x / std::pow(10.0, e);
  double nf;
  if (round)
    nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else
    nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * std::pow(10.0, e);
}

struct Axis {
  double lo = 0, hi = 1, step = 0.2;
  int decimals = 1;
  std::vector<double> Ticks() const {
    std::vector<double> t;
    const int n = static_cast<int>(std::lround((hi - lo) / step));
    for (int i = 0; i <= n; ++i) t.push_back(lo + i * step);
    return t;
  }
  std::string Label(double v) const {
    if (std::fabs(v) < step * 1e-9) v = 0.0;  // no "-0.00"
    return fmt::format("{:.{}f}", v, decimals);
  }
};

Axis NiceAxis(double lo, double hi, int ticks = 5) {
  if (!(hi > lo)) {
    const double pad = lo == 0.0 ? 1.0 : 0.5 * std::fabs(lo);
    lo -= pad;
    hi += pad;
  }
  const double range = NiceNumber(hi - lo, false);
  Axis a;
  a.step = NiceNumber(range / (ticks - 1), true);
  a.lo = std::floor(lo / a.step + 1e-9) * a.step;
  a.hi = std::ceil(hi / a.step - 1e-9) * a.step;
  a.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(a.step) + 1e-9)));
  return a;
}

double Px(const Axis& x, double v) { return kLeft + (v - x.lo) / (x.hi - x.lo) * kPlotW; }
double Py(const Axis& y, double v) { return kTop + (1.0 - (v - y.lo) / (y.hi - y.lo)) * kPlotH; }

std::string Open(const std::string& title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" font-size=\"11\">\n"
      "<title>{2}</title>\n<text x=\"{3:.2f}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\" "
      "font-weight=\"bold\">{2}</text>\n",
      kWidth, kHeight, XmlEscape(title), kWidth / 2);
}

std::string YAxis(const Axis& y, const std::string& label) {
  std::string s;
  for (const double t : y.Ticks()) {
    const double py = Py(y, t);
    s += fmt::format("<line class=\"grid\" x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\" stroke=\"#ddd\"/>\n",
                     kLeft, py, kLeft + kPlotW, py);
    s += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6, py + 4, y.Label(t));
  }
  s += fmt::format("<text x=\"14\" y=\"{0:.2f}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {0:.2f})\">{1}</text>\n",
                   kTop + kPlotH / 2, XmlEscape(label));
  return s;
}

std::string XAxis(const Axis& x, const std::string& label) {
  std::string s;
  for (const double t : x.Ticks()) {
    const double px = Px(x, t);
    s += fmt::format("<line x1=\"{0:.2f}\" y1=\"{1:.2f}\" x2=\"{0:.2f}\" y2=\"{2:.2f}\" stroke=\"#444\"/>\n", px,
                     kTop + kPlotH, kTop + kPlotH + 4);
    s += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\">{}</text>\n", px, kTop + kPlotH + 16,
                     x.Label(t));
  }
  s += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\">{}</text>\n", kLeft + kPlotW / 2,
                   kHeight - 8, XmlEscape(label));
  return s;
}

std::string Frame() {
  return fmt::format("<rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" fill=\"none\" stroke=\"#444\"/>\n",
                     kLeft, kTop, kPlotW, kPlotH);
}

std::string ErrorBar(double px, double py_lo, double py_hi, double lower, double upper) {
  return fmt::format(
      "<line class=\"errorbar\" data-lower=\"{3:.6g}\" data-upper=\"{4:.6g}\" x1=\"{0:.2f}\" y1=\"{1:.2f}\" "
      "x2=\"{0:.2f}\" y2=\"{2:.2f}\" stroke=\"#000\"/>\n"
      "<line x1=\"{5:.2f}\" y1=\"{1:.2f}\" x2=\"{6:.2f}\" y2=\"{1:.2f}\" stroke=\"#000\"/>\n"
      "<line x1=\"{5:.2f}\" y1=\"{2:.2f}\" x2=\"{6:.2f}\" y2=\"{2:.2f}\" stroke=\"#000\"/>\n",
      px, py_lo, py_hi, lower, upper, px - 4, px + 4);
}

}  // namespace

std::string XmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<HistogramBin> MakeHistogramBins(const std::vector<double>& values) {
  std::vector<HistogramBin> bins;
  if (values.empty()) return bins;
  for (const double v : values) IADSIM_CHECK(std::isfinite(v), "histogram: values must be finite");
  const auto [mn_it, mx_it] = std::minmax_element(values.begin(), values.end());
  const double mn = *mn_it, mx = *mx_it;
  const bool integers = std::all_of(values.begin(), values.end(), [](double v) { return v == std::round(v); });
  if (integers && mx - mn <= 40) {
    for (double k = mn; k <= mx; k += 1.0) bins.push_back({k - 0.5, k + 0.5, 0});
    for (const double v : values) ++bins[static_cast<std::size_t>(v - mn)].count;
    return bins;
  }
  const int k = static_cast<int>(std::ceil(std::log2(static_cast<double>(values.size())))) + 1;
  const double w = (mx - mn) / k;
  if (!(w > 0)) return {{mn - 0.5, mn + 0.5, static_cast<int>(values.size())}};
  for (int i = 0; i < k; ++i) bins.push_back({mn + i * w, i + 1 == k ? mx : mn + (i + 1) * w, 0});
  for (const double v : values) ++bins[static_cast<std::size_t>(std::min(k - 1, static_cast<int>((v - mn) / w)))].count;
  return bins;
}

std::string SvgHistogram(const std::string& title, const std::string& x_label, const std::vector<double>& values) {
  const std::vector<HistogramBin> bins = MakeHistogramBins(values);
  std::string s = Open(title);
  if (bins.empty()) return s + "<text x=\"260\" y=\"150\" text-anchor=\"middle\">no values</text>\n</svg>\n";
  int max_count = 0;
  for (const HistogramBin& b : bins) max_count = std::max(max_count, b.count);
  const Axis x = NiceAxis(bins.front().lower, bins.back().upper, 6);
  Axis y = NiceAxis(0.0, max_count, 5);
  if (y.step < 1.0) y = {0.0, std::ceil(static_cast<double>(max_count)), 1.0, 0};  // counts: whole ticks
  s += YAxis(y, "replications") + XAxis(x, x_label);
  for (const HistogramBin& b : bins) {
    const double x0 = Px(x, b.lower), x1 = Px(x, b.upper), top = Py(y, b.count);
    s += fmt::format(
        "<rect class=\"bar\" data-count=\"{}\" data-lower=\"{:.6g}\" data-upper=\"{:.6g}\" x=\"{:.2f}\" y=\"{:.2f}\" "
        "width=\"{:.2f}\" height=\"{:.2f}\" fill=\"#4a78b0\" stroke=\"#fff\"><title>[{:.6g}, {:.6g}): {}</title></rect>\n",
        b.count, b.lower, b.upper, x0, top, x1 - x0, kTop + kPlotH - top, b.lower, b.upper, b.count);
  }
  return s + Frame() + "</svg>\n";
}

std::string SvgBarChart(const std::string& title, const std::string& y_label, const std::vector<BarWithInterval>& bars,
                        double y_max) {
  IADSIM_CHECK(y_max > 0.0, "bar chart: y_max must be > 0");
  const Axis y = NiceAxis(0.0, y_max, 6);
  std::string s = Open(title) + YAxis(y, y_label);
  const double slot = kPlotW / std::max<std::size_t>(1, bars.size());
  const bool rotate = bars.size() > 6;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const BarWithInterval& b = bars[i];
    const double cx = kLeft + (static_cast<double>(i) + 0.5) * slot, w = 0.6 * slot;
    const double top = Py(y, std::clamp(b.value, y.lo, y.hi));
    s += fmt::format(
        "<rect class=\"bar\" data-label=\"{0}\" data-value=\"{1:.6g}\" x=\"{2:.2f}\" y=\"{3:.2f}\" width=\"{4:.2f}\" "
        "height=\"{5:.2f}\" fill=\"#4a78b0\"><title>{0}: {1:.4f} [{6:.4f}, {7:.4f}]</title></rect>\n",
        XmlEscape(b.label), b.value, cx - w / 2, top, w, kTop + kPlotH - top, b.lower, b.upper);
    s += ErrorBar(cx, Py(y, std::clamp(b.lower, y.lo, y.hi)), Py(y, std::clamp(b.upper, y.lo, y.hi)), b.lower, b.upper);
    const double ly = kTop + kPlotH + 14;
    if (rotate)
      s += fmt::format("<text x=\"{0:.2f}\" y=\"{1:.2f}\" text-anchor=\"end\" transform=\"rotate(-30 {0:.2f} {1:.2f})\">{2}</text>\n",
                       cx, ly, XmlEscape(b.label));
    else
      s += fmt::format("<text x=\"{:.2f}\" y=\"{:.2f}\" text-anchor=\"middle\">{}</text>\n", cx, ly, XmlEscape(b.label));
  }
  return s + Frame() + "</svg>\n";
}

std::string SvgLinePlot(const std::string& title, const std::string& x_label, const std::string& y_label,
                        std::vector<CurvePoint> points) {
  std::string s = Open(title);
  if (points.empty()) return s + "<text x=\"260\" y=\"150\" text-anchor=\"middle\">no values</text>\n</svg>\n";
  for (const CurvePoint& p : points)
    IADSIM_CHECK(std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.lower) && std::isfinite(p.upper),
                 "line plot: values must be finite");
  std::stable_sort(points.begin(), points.end(), [](const CurvePoint& a, const CurvePoint& b) { return a.x < b.x; });
  double y_lo = points.front().lower, y_hi = points.front().upper;
  for (const CurvePoint& p : points) {
    y_lo = std::min({y_lo, p.lower, p.y});
    y_hi = std::max({y_hi, p.upper, p.y});
  }
  const Axis x = NiceAxis(points.front().x, points.back().x, 6);
  const Axis y = NiceAxis(y_lo, y_hi, 5);
  s += YAxis(y, y_label) + XAxis(x, x_label);
  std::string poly;
  for (const CurvePoint& p : points) poly += fmt::format("{}{:.2f},{:.2f}", poly.empty() ? "" : " ", Px(x, p.x), Py(y, p.y));
  s += fmt::format("<polyline class=\"curve\" points=\"{}\" fill=\"none\" stroke=\"#4a78b0\" stroke-width=\"1.5\"/>\n", poly);
  for (const CurvePoint& p : points) {
    const double px = Px(x, p.x);
    s += ErrorBar(px, Py(y, p.lower), Py(y, p.upper), p.lower, p.upper);
    s += fmt::format(
        "<circle class=\"point\" data-x=\"{0:.6g}\" data-y=\"{1:.6g}\" cx=\"{2:.2f}\" cy=\"{3:.2f}\" r=\"3.5\" "
        "fill=\"#c0392b\"><title>{0:.6g}: {1:.4f} [{4:.4f}, {5:.4f}]</title></circle>\n",
        p.x, p.y, px, Py(y, p.y), p.lower, p.upper);
  }
  return s + Frame() + "</svg>\n";
}

}  // namespace iadsim
