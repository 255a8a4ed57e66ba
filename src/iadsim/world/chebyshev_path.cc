#include "iadsim/world/chebyshev_path.h"

#include <GeographicLib/Constants.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "iadsim/core/angle.h"
#include "iadsim/core/error.h"

namespace iadsim {
namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
constexpr int kC = 9;                       // components: p0 xyz, t xyz, lat, lon, heading
constexpr int kMaxNodes = 12;               // N: interpolation nodes per chunk (degree N - 1)
constexpr double kMaxChunkM = 1000e3;       // a span is cut into chunks of at most this length
// Accept a chunk when its last two coefficients are below these (p0 m, t, lat deg, lon deg, rad) ...
constexpr double kTail[kC] = {1e-7, 1e-7, 1e-7, 1e-12, 1e-12, 1e-12, 1e-12, 1e-12, 1e-12};
// ... and keep terms until the dropped ones sum below these.
constexpr double kDrop[kC] = {1e-6, 1e-6, 1e-6, 1e-11, 1e-11, 1e-11, 1e-11, 1e-11, 1e-11};
constexpr int kMaxDepth = 16;               // halvings of a chunk (2^16 pieces of 1,000 km: 15 m)
using Coefs = Eigen::Matrix<double, kC, 1>;

// Clenshaw's recurrence for sum_k c_k T_k(x) on N components together, the coefficients of term k
// at c + N k (elementwise: each component's sum is the same double whatever N it is read with).
template <int N>
Eigen::Matrix<double, N, 1> Clenshaw(const double* c, std::uint32_t terms, double x) {
  using V = Eigen::Matrix<double, N, 1>;
  V b1 = V::Zero(), b2 = V::Zero();
  const double x2 = 2.0 * x;
  for (std::uint32_t k = terms - 1; k >= 1; --k) {
    const V b0 = x2 * b1 - b2 + Eigen::Map<const V>(c + N * k);
    b2 = b1;
    b1 = b0;
  }
  return x * b1 - b2 + Eigen::Map<const V>(c);
}

// cos(pi k (j + 1/2) / N) for N = 8 and 12 (the interpolation's discrete cosine transform).
struct CosTable {
  double v[kMaxNodes][kMaxNodes];
  explicit CosTable(int n) {
    for (int k = 0; k < n; ++k)
      for (int j = 0; j < n; ++j) v[k][j] = std::cos(std::numbers::pi * k * (j + 0.5) / n);
  }
};
const CosTable& Cosines(int n) {
  static const CosTable eight(8), twelve(12);
  return n == 8 ? eight : twelve;
}
}  // namespace

PathFrame ChebyshevPath::FrameOf(const PathPoint& p) {
  const double lat = p.geo.lat_deg * kDeg, lon = p.geo.lon_deg * kDeg;
  const double sl = std::sin(lat), cl = std::cos(lat), so = std::sin(lon), co = std::cos(lon);
  const double sh = std::sin(p.heading_rad), ch = std::cos(p.heading_rad);
  PathFrame f;
  f.p0_ecef = EcefFromGeodetic({p.geo.lat_deg, p.geo.lon_deg, 0.0});
  f.up_ecef = {cl * co, cl * so, sl};
  f.t_ecef = sh * Vec3{-so, co, 0.0} + ch * Vec3{-sl * co, -sl * so, cl};
  return f;
}

void ChebyshevPath::Fit(double s0_m, double s1_m, const std::function<PathPoint(double)>& exact, int nodes) {
  IADSIM_CHECK(s1_m >= s0_m && (chunks_.empty() || s0_m >= chunks_.back().s1_m), "spans must follow each other");
  IADSIM_CHECK(nodes == 8 || nodes == 12, "8 or 12 nodes");
  if (!(s1_m > s0_m)) return;
  const int n = std::max(1, static_cast<int>(std::ceil((s1_m - s0_m) / kMaxChunkM)));
  for (int i = 0; i < n; ++i) {
    const double a = s0_m + (s1_m - s0_m) * i / n, b = i + 1 == n ? s1_m : s0_m + (s1_m - s0_m) * (i + 1) / n;
    FitChunk(a, b, s0_m, exact, nodes, 0);
  }
  first_ = chunks_.front();
  second_s0_m_ = chunks_.size() > 1 ? chunks_[1].s0_m : std::numeric_limits<double>::infinity();
  end_m_ = chunks_.back().s1_m;
}

void ChebyshevPath::FitChunk(double s0_m, double s1_m, double span_s0_m,
                             const std::function<PathPoint(double)>& exact, int nodes, int depth) {
  const double mid = 0.5 * (s0_m + s1_m), half = 0.5 * (s1_m - s0_m);
  const CosTable& cosines = Cosines(nodes);
  std::array<Coefs, kMaxNodes> value;
  for (int j = 0; j < nodes; ++j) {
    const double x = cosines.v[1][j];
    const double along = std::clamp(mid + x * half - span_s0_m, 0.0, s1_m - span_s0_m);
    const PathPoint p = exact(along);
    const PathFrame f = FrameOf(p);
    value[j] << f.p0_ecef, f.t_ecef, p.geo.lat_deg, p.geo.lon_deg, p.heading_rad;
  }
  // Longitude and heading unwrapped about the first node.
  for (int j = 1; j < nodes; ++j) {
    value[j][7] = value[0][7] + std::remainder(value[j][7] - value[0][7], 360.0);
    value[j][8] = value[0][8] + RemainderTwoPi(value[j][8] - value[0][8]);
  }
  std::array<Coefs, kMaxNodes> coef;
  for (int k = 0; k < nodes; ++k) {
    coef[k].setZero();
    for (int j = 0; j < nodes; ++j) coef[k] += cosines.v[k][j] * value[j];
    coef[k] *= (k == 0 ? 1.0 : 2.0) / nodes;
  }
  auto converged = [&](int c0, int c1) {
    for (int c = c0; c < c1; ++c)
      if (std::max(std::abs(coef[nodes - 2][c]), std::abs(coef[nodes - 1][c])) > kTail[c]) return false;
    return true;
  };
  if (!converged(0, 6) && depth < kMaxDepth) {
    FitChunk(s0_m, mid, span_s0_m, exact, nodes, depth + 1);
    FitChunk(mid, s1_m, span_s0_m, exact, nodes, depth + 1);
    return;
  }
  const bool angles = converged(6, kC);
  // Keep the first `terms` coefficients: the dropped ones sum below the tolerances.
  int terms = nodes;
  while (terms > 2) {
    bool can_drop = true;
    for (int c = 0; c < (angles ? kC : 6); ++c) {
      double dropped = 0.0;
      for (int k = terms - 1; k < nodes; ++k) dropped += std::abs(coef[k][c]);
      can_drop = can_drop && dropped <= kDrop[c];
    }
    if (!can_drop) break;
    --terms;
  }
  Chunk chunk;
  chunk.s0_m = s0_m;
  chunk.s1_m = s1_m;
  chunk.mid_m = mid;
  chunk.scale = half > 0.0 ? 1.0 / half : 0.0;
  chunk.offset = static_cast<std::uint32_t>(coef_.size());
  chunk.terms = static_cast<std::uint32_t>(terms);
  chunk.angles = angles;
  // The position and direction block, then the angles' (kept apart: a reader without the angles
  // then loads two fifths fewer coefficients).
  for (int k = 0; k < terms; ++k) coef_.insert(coef_.end(), coef[k].data(), coef[k].data() + 6);
  if (angles)
    for (int k = 0; k < terms; ++k) coef_.insert(coef_.end(), coef[k].data() + 6, coef[k].data() + kC);
  chunks_.push_back(chunk);
}

void ChebyshevPath::Prefetch() const {
  if (chunks_.empty()) return;
  // The first chunk's coefficients, from its copy held here (no load waits on the chunk table),
  // then the table's first line (a point beyond the first chunk searches it).
  const auto* p = reinterpret_cast<const char*>(coef_.data() + first_.offset);
  const std::size_t bytes = std::size_t{first_.terms} * 6 * sizeof(double);  // the position block
  for (std::size_t b = 0; b < bytes; b += 64) __builtin_prefetch(p + b);
  __builtin_prefetch(p + bytes - 1);
  __builtin_prefetch(chunks_.data());
}

int ChebyshevPath::max_terms() const {
  int m = 0;
  for (const Chunk& c : chunks_) m = std::max(m, static_cast<int>(c.terms));
  return m;
}

PathFrame ChebyshevPath::At(double s_m, bool angles) const {
  // The chunk std::upper_bound on the starts would give (the last one starting at or before s_m,
  // else the first): the first one itself whenever s_m is below the second's start.
  const Chunk* found = &first_;
  if (!(s_m < second_s0_m_)) {
    auto it = std::upper_bound(chunks_.begin(), chunks_.end(), s_m, [](double s, const Chunk& c) { return s < c.s0_m; });
    found = &*(it == chunks_.begin() ? it : it - 1);
  }
  const Chunk& chunk = *found;
  const double x = std::clamp((s_m - chunk.mid_m) * chunk.scale, -1.0, 1.0);
  const double* c = coef_.data() + chunk.offset;
  const Eigen::Matrix<double, 6, 1> v = Clenshaw<6>(c, chunk.terms, x);
  PathFrame f;
  f.p0_ecef = v.head<3>();
  f.t_ecef = v.tail<3>();
  if (chunk.angles && angles) {
    const Eigen::Matrix<double, 3, 1> w = Clenshaw<3>(c + 6 * chunk.terms, chunk.terms, x);
    f.angles = true;
    f.lat_deg = w[0];
    f.lon_deg = w[1];
    while (f.lon_deg >= 180.0) f.lon_deg -= 360.0;
    while (f.lon_deg < -180.0) f.lon_deg += 360.0;
    constexpr double kTwoPi = 2.0 * std::numbers::pi;
    f.heading_rad = w[2];
    while (f.heading_rad >= kTwoPi) f.heading_rad -= kTwoPi;
    while (f.heading_rad < 0.0) f.heading_rad = f.heading_rad + kTwoPi < kTwoPi ? f.heading_rad + kTwoPi : 0.0;
  }
  // The normal of the ellipsoid x^2/a^2 + y^2/a^2 + z^2/b^2 = 1 at p0.
  const double a = GeographicLib::Constants::WGS84_a();
  const double b = a * (1.0 - GeographicLib::Constants::WGS84_f());
  const Vec3 grad{v[0] * (1.0 / (a * a)), v[1] * (1.0 / (a * a)), v[2] * (1.0 / (b * b))};
  f.up_ecef = grad * (1.0 / grad.norm());
  return f;
}

}  // namespace iadsim
